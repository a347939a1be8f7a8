import type Transport from '@ledgerhq/hw-transport';
import type TransportNodeHid from '@ledgerhq/hw-transport-node-hid';

import type {
  LedgerTransportProvider,
  TransportDescriptor,
  TransportObserver,
} from './transport-provider';

type NodeHidTransportClass = typeof TransportNodeHid;

/**
 * USB HID transports through `@ledgerhq/hw-transport-node-hid`. The module is imported
 * on first use because it loads node-hid's native binding, which tests and the demo
 * must never need.
 */
export class NodeHidTransportProvider implements LedgerTransportProvider {
  private transportClass: Promise<NodeHidTransportClass> | undefined;

  listen(observer: TransportObserver): () => void {
    let unsubscribed = false;
    let subscription: { unsubscribe(): void } | undefined;

    this.loadTransportClass().then(
      (transportClass) => {
        if (unsubscribed) {
          return;
        }
        subscription = transportClass.listen({
          next: (event) => {
            // The descriptor type allows null, and such a device cannot be opened by path.
            if (typeof event.descriptor === 'string') {
              observer.next({ type: event.type, descriptor: event.descriptor });
            }
          },
          error: (error) => observer.error(error),
          complete: () => observer.complete?.(),
        });
      },
      (error: unknown) => observer.error(error),
    );

    return () => {
      unsubscribed = true;
      subscription?.unsubscribe();
    };
  }

  async open(descriptor: TransportDescriptor): Promise<Transport> {
    const transportClass = await this.loadTransportClass();
    return transportClass.open(descriptor);
  }

  private loadTransportClass(): Promise<NodeHidTransportClass> {
    this.transportClass ??= import('@ledgerhq/hw-transport-node-hid').then(pickDefaultExport);
    return this.transportClass;
  }
}

/**
 * Bundlers hand back the class as `default`; Node's own loader wraps the CommonJS
 * exports once more, so the class then sits at `default.default`.
 */
function pickDefaultExport(module: { default: unknown }): NodeHidTransportClass {
  const outer = module.default;
  if (typeof outer === 'function') {
    return outer as NodeHidTransportClass;
  }
  const inner: unknown =
    typeof outer === 'object' && outer !== null ? Reflect.get(outer, 'default') : undefined;
  if (typeof inner !== 'function') {
    throw new Error('@ledgerhq/hw-transport-node-hid has no default export');
  }
  return inner as NodeHidTransportClass;
}
