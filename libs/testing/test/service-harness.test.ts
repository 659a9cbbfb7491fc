import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@haat/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The kit's own example service: the harness is generic, so any service definition does.
import { widgetService } from '../../service/test/fixtures/widget-service.js';
import { anonymousCaller, startTestService, type TestService } from '../src/service-harness.js';

describe.each(['in-process', 'nats'] as const)(
  'a service booted by the harness on the %s transport',
  (transport) => {
    let t: TestService;
    const tenant = newId();

    beforeAll(async () => {
      t = await startTestService(widgetService, { transport, defaultCaller: anonymousCaller(tenant) });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers signed calls and records its events in the outbox', async () => {
      const created = await t.call<{ id: string }>('POST', '/v1/widgets', { body: { name: 'cog' } });
      expect(created.status).toBe(201);
      const events = await t.outbox('widget.created.v1');
      expect(events.map((e) => e.aggregateId)).toContain(created.json.id);
      expect(events[0]?.tenantId).toBe(tenant);
    });

    it('delivers its events through the transport to its consumer', async () => {
      const created = await t.call<{ id: string }>('POST', '/v1/widgets', { body: { name: 'axle' } });
      const ids = await t.service.runtime.database.pool.query<{ id: string }>(
        'select id from outbox_events where aggregate_id = $1',
        [created.json.id],
      );
      const eventId = ids.rows[0]?.id;
      expect(eventId).toBeDefined();
      let handled = 0;
      for (let i = 0; i < 100 && handled === 0; i++) {
        const r = await t.service.runtime.database.pool.query<{ n: number }>(
          'select count(*)::int as n from inbox_events where event_id = $1',
          [eventId],
        );
        handled = r.rows[0]?.n ?? 0;
        if (handled === 0) await sleep(100);
      }
      expect(handled).toBe(1);
    });
  },
);
