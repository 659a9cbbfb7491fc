/**
 * How event types map onto JetStream: one stream per domain (`HAAT_ORDER` holding
 * `haat.order.>`), one subject per event type (`haat.order.created.v1`), one durable consumer
 * per consumer name and stream. A prefix other than `haat` gives tests their own streams.
 */
export class NatsNaming {
  private readonly streamPrefix: string;

  constructor(readonly prefix = 'haat') {
    if (!/^[a-z][a-z0-9-]*$/.test(prefix)) throw new Error(`Not a usable subject prefix: ${prefix}`);
    this.streamPrefix = upperToken(prefix);
  }

  /** `order.created.v1` → `order` */
  domainOf(eventType: string): string {
    const domain = eventType.split('.')[0];
    if (!domain) throw new Error(`Not an event type: ${eventType}`);
    return domain;
  }

  subject(eventType: string): string {
    return `${this.prefix}.${eventType}`;
  }

  /** The event type a subject carries, or undefined for a subject outside this prefix. */
  eventTypeOf(subject: string): string | undefined {
    return subject.startsWith(`${this.prefix}.`) ? subject.slice(this.prefix.length + 1) : undefined;
  }

  domainSubjects(domain: string): string {
    return `${this.prefix}.${domain}.>`;
  }

  stream(domain: string): string {
    return `${this.streamPrefix}_${upperToken(domain)}`;
  }

  /** `order-service.reserve-stock` → `order-service_reserve-stock` (no `.`, `*`, `>` or spaces). */
  durable(consumer: string): string {
    const name = consumer.replace(/[^A-Za-z0-9_-]+/g, '_');
    if (!/[A-Za-z0-9]/.test(name)) throw new Error(`Not a usable consumer name: ${consumer}`);
    return name;
  }
}

function upperToken(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
