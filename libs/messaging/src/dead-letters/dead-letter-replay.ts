import { ConflictError, NotFoundError, UnprocessableError } from '@haat/common';
import type { Database } from '@haat/database';
import type { EventConsumer } from '../consumer/event-consumer.js';
import { describeError } from '../messaging.logger.js';
import { MESSAGING_ERRORS } from '../messaging.errors.js';
import { findDeadLetter, markDeadLetterReplayed, recordReplayFailure } from './dead-letter.repository.js';

/**
 * Runs a dead letter through `consumer` again — the same inbox path as a delivery, so an event
 * handled meanwhile is not handled twice — and marks it replayed in that same transaction.
 * A failure leaves it open with the new error and rethrows.
 */
export async function replayDeadLetter(
  database: Database,
  consumer: EventConsumer,
  id: string,
): Promise<'handled' | 'duplicate'> {
  const letter = await findDeadLetter(database.db, id);
  if (!letter) throw new NotFoundError(MESSAGING_ERRORS.deadLetterNotFound, 'Dead letter not found', { id });
  if (letter.replayedAt) {
    throw new ConflictError(MESSAGING_ERRORS.deadLetterAlreadyReplayed, 'Dead letter already replayed', {
      id,
    });
  }
  if (letter.consumer !== consumer.name) {
    throw new ConflictError(
      MESSAGING_ERRORS.deadLetterOtherConsumer,
      `Dead letter belongs to ${letter.consumer}`,
      {
        id,
        consumer: letter.consumer,
      },
    );
  }
  const parsed = consumer.parse(letter.envelope);
  if (parsed.kind !== 'event') {
    const reason =
      parsed.kind === 'invalid' ? parsed.reason : `${consumer.name} does not handle ${parsed.eventType}`;
    await recordReplayFailure(database.db, id, reason);
    throw new UnprocessableError(MESSAGING_ERRORS.deadLetterUnprocessable, reason, { id });
  }
  try {
    return await consumer.handleOnce(parsed.envelope, (tx) => markDeadLetterReplayed(tx, id));
  } catch (err) {
    await recordReplayFailure(database.db, id, describeError(err));
    throw err;
  }
}
