import { z } from 'zod';
import { defineEvent } from '@haat/contracts';

export const WidgetPayloadSchema = z.object({ widgetId: z.string().uuid(), name: z.string().min(1) });
export type WidgetPayload = z.infer<typeof WidgetPayloadSchema>;

let sequence = 0;

/** A widget event type no other test uses, so each test reads only its own events. */
export function uniqueWidgetEvent(label: string) {
  sequence += 1;
  return defineEvent(`widget.${label}-${process.pid}-${sequence}.v1`, WidgetPayloadSchema);
}

export type WidgetEvent = ReturnType<typeof uniqueWidgetEvent>;
