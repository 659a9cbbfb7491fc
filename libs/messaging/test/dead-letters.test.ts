import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@haat/common';
import type { Database } from '@haat/database';
import { EventConsumer } from '../src/consumer/event-consumer.js';
import { deadLetterCount, listDeadLetters } from '../src/dead-letters/dead-letter.repository.js';
import { replayDeadLetter } from '../src/dead-letters/dead-letter-replay.js';
import { envelope } from '../src/envelope/event-envelope.builder.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { quietLogger } from './support/quiet-logger.js';
import { uniqueWidgetEvent } from './support/test-events.js';
import { effectCount, recordEffect, tenantId } from './support/widget-producer.js';

describe('dead letters', () => {
  let testDb: TestDatabase;
  let database: Database;
  const Widget = uniqueWidgetEvent('dead');
  let runs = 0;

  const consumerNamed = (name: string) =>
    new EventConsumer({
      database,
      consumer: name,
      events: [Widget],
      maxAttempts: 3,
      logger: quietLogger,
      handle: async (_ctx, received, tx) => {
        runs += 1;
        await recordEffect(tx, name, received.id);
      },
    });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = testDb.database;
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('lists dead letters newest first, a page at a time, per consumer', async () => {
    const consumer = consumerNamed('dead.paging');
    for (let i = 0; i < 5; i++) {
      expect(await consumer.receive(`garbage ${i}`, { attempt: 1 })).toBe('dead');
    }
    await consumerNamed('dead.other').receive('other garbage', { attempt: 1 });

    const first = await listDeadLetters(database, { consumer: 'dead.paging', limit: 2 });
    const second = await listDeadLetters(database, {
      consumer: 'dead.paging',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    const last = await listDeadLetters(database, {
      consumer: 'dead.paging',
      limit: 2,
      cursor: second.nextCursor ?? '',
    });
    const envelopes = [...first.items, ...second.items, ...last.items].map((l) => l.envelope);
    expect(envelopes).toEqual(['garbage 4', 'garbage 3', 'garbage 2', 'garbage 1', 'garbage 0']);
    expect(last.nextCursor).toBeNull();
    expect(await deadLetterCount(database, { consumer: 'dead.paging' })).toBe(5);
    expect(await deadLetterCount(database)).toBe(6);
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(listDeadLetters(database, { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      code: 'PAGINATION_INVALID_CURSOR',
    });
  });

  it('dead-letters an event delivered more often than allowed without running the handler again', async () => {
    const consumer = consumerNamed('dead.exhausted');
    const widgetId = newId();
    const event = envelope(
      Widget,
      { tenantId },
      {
        aggregateType: 'widget',
        aggregateId: widgetId,
        payload: { widgetId, name: 'crashy' },
      },
    );
    const before = runs;
    expect(await consumer.receive(JSON.parse(JSON.stringify(event)), { attempt: 4 })).toBe('dead');
    expect(runs).toBe(before);
    const [letter] = (await listDeadLetters(database, { consumer: 'dead.exhausted' })).items;
    expect(letter).toMatchObject({ eventId: event.id, attempts: 4 });
    expect(letter?.error).toMatch(/^MESSAGING_DELIVERY_EXHAUSTED/);

    expect(await replayDeadLetter(database, consumer, letter?.id ?? '')).toBe('handled');
    expect(await effectCount(database, 'dead.exhausted', [event.id])).toBe(1);
  });

  it('does not replay a dead letter through another consumer, or one that does not exist', async () => {
    const [letter] = (await listDeadLetters(database, { consumer: 'dead.other' })).items;
    await expect(
      replayDeadLetter(database, consumerNamed('dead.paging'), letter?.id ?? ''),
    ).rejects.toMatchObject({
      code: 'MESSAGING_DEAD_LETTER_OTHER_CONSUMER',
    });
    await expect(replayDeadLetter(database, consumerNamed('dead.paging'), newId())).rejects.toMatchObject({
      code: 'MESSAGING_DEAD_LETTER_NOT_FOUND',
    });
  });

  it('keeps a dead letter open, with the new reason, when its replay fails again', async () => {
    const [letter] = (await listDeadLetters(database, { consumer: 'dead.other' })).items;
    await expect(
      replayDeadLetter(database, consumerNamed('dead.other'), letter?.id ?? ''),
    ).rejects.toMatchObject({
      code: 'MESSAGING_DEAD_LETTER_UNPROCESSABLE',
    });
    const [again] = (await listDeadLetters(database, { consumer: 'dead.other' })).items;
    expect(again?.replayedAt).toBeNull();
    expect(again?.attempts).toBe(2);
    expect(again?.error).toMatch(/^MESSAGING_ENVELOPE_INVALID/);
  });
});
