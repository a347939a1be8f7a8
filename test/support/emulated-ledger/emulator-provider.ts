import type Transport from '@ledgerhq/hw-transport';
import TransportNodeHidNoEvents from '@ledgerhq/hw-transport-node-hid-noevents';

import type {
  LedgerTransportProvider,
  TransportObserver,
} from '../../../src/main/ledger/transport-provider';
import {
  EmulatorTransport,
  FakeHidDevice,
  type DeviceStatus,
  type LedgerEmulator,
} from '../ledger-emulator';

export type EmulatorFraming = 'apdu' | 'hid';

export interface EmulatorProviderOptions {
  /**
   * `apdu` hands APDUs straight to the emulator; `hid` runs the production node-hid
   * transport over a fake HID device, so Ledger's USB framing is exercised too.
   */
  framing: EmulatorFraming;
  /**
   * Report a detach and a fresh attach whenever the open app changes, the way a real
   * Ledger re-enumerates on USB when an app opens or closes.
   */
  reenumerateOnAppChange?: boolean;
}

/** Connects a LedgerEmulator to the service the way USB would: attach, detach, open. */
export class EmulatorProvider implements LedgerTransportProvider {
  private readonly observers = new Set<TransportObserver>();
  private descriptorNumber = 1;
  private lastStatus: DeviceStatus;
  private readonly unsubscribeEmulator: () => void;

  constructor(
    private readonly emulator: LedgerEmulator,
    private readonly options: EmulatorProviderOptions,
  ) {
    this.lastStatus = emulator.status;
    this.unsubscribeEmulator = emulator.subscribe((event) => {
      if (event.type === 'status-changed') {
        this.onStatus(event.status);
      }
    });
  }

  get descriptor(): string {
    return `emulator-${this.descriptorNumber}`;
  }

  listen(observer: TransportObserver): () => void {
    this.observers.add(observer);
    if (this.emulator.status.kind !== 'unplugged') {
      observer.next({ type: 'add', descriptor: this.descriptor });
    }
    return () => {
      this.observers.delete(observer);
    };
  }

  open(descriptor: string): Promise<Transport> {
    if (descriptor !== this.descriptor || this.emulator.status.kind === 'unplugged') {
      return Promise.reject(new Error(`cannot open device with path ${descriptor}`));
    }
    if (this.options.framing === 'apdu') {
      return Promise.resolve(new EmulatorTransport(this.emulator));
    }
    const device = new FakeHidDevice(this.emulator);
    return Promise.resolve(new TransportNodeHidNoEvents(device));
  }

  dispose(): void {
    this.unsubscribeEmulator();
    this.observers.clear();
  }

  private onStatus(status: DeviceStatus): void {
    const previous = this.lastStatus;
    this.lastStatus = status;

    if (status.kind === 'unplugged') {
      this.emit('remove');
      return;
    }
    if (previous.kind === 'unplugged') {
      this.descriptorNumber += 1;
      this.emit('add');
      return;
    }
    if (this.options.reenumerateOnAppChange === true && appOf(previous) !== appOf(status)) {
      this.emit('remove');
      this.descriptorNumber += 1;
      this.emit('add');
    }
  }

  private emit(type: 'add' | 'remove'): void {
    for (const observer of this.observers) {
      observer.next({ type, descriptor: this.descriptor });
    }
  }
}

function appOf(status: DeviceStatus): string {
  return status.kind === 'app' ? status.name : status.kind;
}
