import type { Logger } from 'pino';

import { events, type EventMessage, type EventName, type EventPayload } from '../shared/contract';

export type EventSink = (message: EventMessage) => void;

/**
 * Carries contract events from the services to every connected page. Payloads are
 * checked against the contract before they leave, so a page never sees a shape the
 * contract does not describe.
 */
export class EventBus {
  private readonly sinks = new Set<EventSink>();

  constructor(private readonly logger: Logger) {}

  addSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.safeParse(payload);
    if (!checked.success) {
      this.logger.error({ event: name }, 'dropped an event whose payload is outside the contract');
      return;
    }

    const message = { name, payload: checked.data } as EventMessage;
    for (const sink of this.sinks) {
      try {
        sink(message);
      } catch (error) {
        this.logger.warn({ event: name, err: error }, 'an event sink failed');
      }
    }
  }
}
