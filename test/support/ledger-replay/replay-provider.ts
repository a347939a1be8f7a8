import type Transport from '@ledgerhq/hw-transport';

import type {
  LedgerTransportProvider,
  TransportObserver,
} from '../../../src/main/ledger/transport-provider';
import type { ReplayTransport } from './replay-transport';

/**
 * Hands out scripted transports: each `open` of a descriptor takes the next transport
 * queued for it, so a test states exactly how many times the service may open the device.
 */
export class ReplayProvider implements LedgerTransportProvider {
  readonly opened: ReplayTransport[] = [];
  private readonly observers = new Set<TransportObserver>();
  private readonly attached = new Set<string>();
  private readonly queued = new Map<string, ReplayTransport[]>();

  /** Queues transports for a descriptor and reports it attached. */
  attach(descriptor: string, ...transports: ReplayTransport[]): void {
    this.queue(descriptor, ...transports);
    this.attached.add(descriptor);
    for (const observer of this.observers) {
      observer.next({ type: 'add', descriptor });
    }
  }

  /** Queues more transports for a descriptor without an attach event. */
  queue(descriptor: string, ...transports: ReplayTransport[]): void {
    this.queued.set(descriptor, [...(this.queued.get(descriptor) ?? []), ...transports]);
  }

  detach(descriptor: string): void {
    this.attached.delete(descriptor);
    for (const observer of this.observers) {
      observer.next({ type: 'remove', descriptor });
    }
  }

  listen(observer: TransportObserver): () => void {
    this.observers.add(observer);
    for (const descriptor of this.attached) {
      observer.next({ type: 'add', descriptor });
    }
    return () => {
      this.observers.delete(observer);
    };
  }

  open(descriptor: string): Promise<Transport> {
    const next = this.queued.get(descriptor)?.shift();
    if (next === undefined) {
      return Promise.reject(new Error(`Replay: no transport left to open for ${descriptor}`));
    }
    this.opened.push(next);
    return Promise.resolve(next);
  }
}
