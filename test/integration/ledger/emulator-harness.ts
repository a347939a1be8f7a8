import pino from 'pino';

import { LedgerService, type LedgerServiceOptions } from '../../../src/main/ledger/ledger-service';
import type {
  DeviceState,
  DeviceStateChange,
  SigningProgress,
} from '../../../src/shared/domain/ledger';
import { LedgerEmulator, type LedgerEmulatorOptions } from '../../support/ledger-emulator';
import {
  EmulatorProvider,
  type EmulatorProviderOptions,
} from '../../support/emulated-ledger/emulator-provider';

export interface EmulatorHarness {
  emulator: LedgerEmulator;
  provider: EmulatorProvider;
  service: LedgerService;
  states: DeviceStateChange[];
  signing: SigningProgress[];
  /** Resolves once the first attached device reaches a state that matches. */
  waitForState(matches: (state: DeviceState) => boolean): Promise<DeviceState>;
  stop(): void;
}

/** Starts a LedgerService on an emulated Ledger with idle polling off. */
export function startEmulatorHarness(
  providerOptions: EmulatorProviderOptions,
  emulatorOptions: LedgerEmulatorOptions = {},
  serviceOptions: LedgerServiceOptions = {},
): EmulatorHarness {
  const emulator = new LedgerEmulator(emulatorOptions);
  const provider = new EmulatorProvider(emulator, providerOptions);
  const service = new LedgerService(provider, pino({ level: 'silent' }), {
    pollIntervalMs: null,
    ...serviceOptions,
  });
  const states: DeviceStateChange[] = [];
  const signing: SigningProgress[] = [];
  service.subscribe('state', (change) => states.push(change));
  service.subscribe('signing', (progress) => signing.push(progress));

  const waitForState = (matches: (state: DeviceState) => boolean): Promise<DeviceState> => {
    const current = service.getState();
    if (matches(current)) {
      return Promise.resolve(current);
    }
    return new Promise((resolve) => {
      const unsubscribe = service.subscribe('state', (change) => {
        if (matches(change.state)) {
          unsubscribe();
          resolve(change.state);
        }
      });
    });
  };

  service.start();
  return {
    emulator,
    provider,
    service,
    states,
    signing,
    waitForState,
    stop: () => {
      service.stop();
      provider.dispose();
    },
  };
}
