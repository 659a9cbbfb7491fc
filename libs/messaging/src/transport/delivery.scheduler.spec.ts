import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DeliveryScheduler } from './delivery.scheduler.js';

describe('DeliveryScheduler', () => {
  it('never runs more tasks at once than its limit', async () => {
    const scheduler = new DeliveryScheduler(3);
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 20; i++) {
      await scheduler.schedule(`k${i}`, async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(5);
        running--;
      });
    }
    await scheduler.idle();
    expect(peak).toBe(3);
  });

  it('runs the tasks of one key in order while other keys run alongside', async () => {
    const scheduler = new DeliveryScheduler(4);
    const seen: string[] = [];
    const delays = [30, 1, 10];
    for (const [i, delay] of delays.entries()) {
      await scheduler.schedule('order-1', async () => {
        await sleep(delay);
        seen.push(`order-1#${i}`);
      });
    }
    await scheduler.schedule('order-2', async () => {
      seen.push('order-2#0');
    });
    await scheduler.idle();
    expect(seen.filter((s) => s.startsWith('order-1'))).toEqual(['order-1#0', 'order-1#1', 'order-1#2']);
    expect(seen.indexOf('order-2#0')).toBeLessThan(seen.indexOf('order-1#0'));
  });

  it('keeps going after a task fails', async () => {
    const scheduler = new DeliveryScheduler(1);
    const seen: number[] = [];
    await scheduler.schedule('a', async () => {
      throw new Error('boom');
    });
    await scheduler.schedule('a', async () => {
      seen.push(2);
    });
    await scheduler.idle();
    expect(seen).toEqual([2]);
  });
});
