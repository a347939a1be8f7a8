import pino from 'pino';

import { LedgerService, type LedgerServiceOptions } from '../../../src/main/ledger/ledger-service';
import type {
  DeviceStateChange,
  DiscoveryProgress,
  SigningProgress,
} from '../../../src/shared/domain/ledger';
import { ReplayProvider } from './replay-provider';

export interface ReplayHarness {
  provider: ReplayProvider;
  service: LedgerService;
  states: DeviceStateChange[];
  signing: SigningProgress[];
  discovery: DiscoveryProgress[];
}

/**
 * Starts a LedgerService over a ReplayProvider with idle polling off, so the only
 * exchanges are the ones a test triggers (plus the state read on attach).
 */
export function startReplayService(options: LedgerServiceOptions = {}): ReplayHarness {
  const provider = new ReplayProvider();
  const service = new LedgerService(provider, pino({ level: 'silent' }), {
    pollIntervalMs: null,
    ...options,
  });
  const harness: ReplayHarness = { provider, service, states: [], signing: [], discovery: [] };

  service.subscribe('state', (change) => harness.states.push(change));
  service.subscribe('signing', (progress) => harness.signing.push(progress));
  service.subscribe('discovery', (progress) => harness.discovery.push(progress));
  service.start();
  return harness;
}

/** Creates a promise with its resolve and reject exposed, for replies a test releases later. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
} {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((resolvePromise, rejectPromise) => {
    resolve = resolvePromise;
    reject = rejectPromise;
  });
  return { promise, resolve, reject };
}
