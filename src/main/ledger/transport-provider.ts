import type Transport from '@ledgerhq/hw-transport';

/**
 * Identifies one USB interface of a Ledger: the node-hid path in production, any
 * unique string for an emulator. It changes when the device re-enumerates, which
 * happens each time an app is opened or closed.
 */
export type TransportDescriptor = string;

export interface TransportDescriptorEvent {
  type: 'add' | 'remove';
  descriptor: TransportDescriptor;
}

export interface TransportObserver {
  next(event: TransportDescriptorEvent): void;
  error(error: unknown): void;
  complete?(): void;
}

/**
 * Source of Ledger transports: USB in production, the emulator in tests and the demo.
 * `listen` first reports every device already attached, then each attach and detach,
 * until the returned function is called.
 */
export interface LedgerTransportProvider {
  listen(observer: TransportObserver): () => void;
  open(descriptor: TransportDescriptor): Promise<Transport>;
}
