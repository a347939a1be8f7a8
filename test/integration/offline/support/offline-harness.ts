import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Connection, PublicKey } from '@solana/web3.js';
import pino from 'pino';

import { dispatchCall } from '../../../../src/main/api/dispatch';
import type { Handlers } from '../../../../src/main/api/handlers';
import { createLedgerHandlers } from '../../../../src/main/api/ledger-handlers';
import { createOfflineHandlers } from '../../../../src/main/api/offline-handlers';
import { createOfflineServices, type OfflineServices } from '../../../../src/main/api/offline';
import { ChainService, createClusterConfig } from '../../../../src/main/chain';
import { EventBus } from '../../../../src/main/event-bus';
import { LedgerService } from '../../../../src/main/ledger';
import { SettingsService } from '../../../../src/main/settings-service';
import { createSettingsPersistence, StoreService } from '../../../../src/main/store';
import type {
  EventMessage,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../../src/shared/contract';
import { WalletError } from '../../../../src/shared/errors';
import { EmulatorProvider } from '../../../support/emulated-ledger/emulator-provider';
import { LedgerEmulator } from '../../../support/ledger-emulator';

const silent = pino({ level: 'silent' });

export const SIGNER_PATH = "44'/501'/0'";

export interface OfflineMachine {
  dataDir: string;
  emulator: LedgerEmulator;
  ledger: LedgerService;
  store: StoreService;
  settings: SettingsService;
  chain: ChainService;
  offline: OfflineServices;
  bus: EventBus;
  events: EventMessage[];
  /** Resolves with the first event, already sent or still to come, that matches. */
  nextEvent(matches: (message: EventMessage) => boolean): Promise<EventMessage>;
  /** Address of the saved Ledger account at SIGNER_PATH. */
  signer: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Runs a method and returns the error code it failed with; throws if it succeeded. */
  failureOf<M extends MethodName>(method: M, input: MethodInput<M>): Promise<WalletError>;
  close(): Promise<void>;
}

export interface MachineOptions {
  /** RPC URL of the cluster; an air-gapped machine gets an address where nothing listens. */
  rpcUrl: string;
  /** Save the signing account in the store at start; an air-gapped machine may not know it. */
  saveSigner?: boolean;
  /** Clock of the offline services; the system clock when absent. */
  now?: () => Date;
}

/**
 * Starts one machine that runs the offline and Ledger handlers through the real dispatcher.
 * It has its own data folder and an emulated Ledger whose person approves every request. Its
 * chain service on `rpcUrl` fails fast, so offline tests do not wait for retries.
 */
export async function startMachine(options: MachineOptions): Promise<OfflineMachine> {
  const dataDir = await mkdtemp(join(tmpdir(), 'offline-'));
  const emulator = new LedgerEmulator({ person: { kind: 'review-and-approve' } });
  const provider = new EmulatorProvider(emulator, { framing: 'apdu' });
  const ledger = new LedgerService(provider, silent, { pollIntervalMs: null });

  const store = new StoreService({ directory: dataDir, logger: silent });
  await store.open();
  const bus = new EventBus(silent);
  const events: EventMessage[] = [];
  const waiters = new Set<(message: EventMessage) => void>();
  bus.addSink((message) => {
    events.push(message);
    for (const waiter of [...waiters]) {
      waiter(message);
    }
  });
  const settings = new SettingsService(createSettingsPersistence(store.settings), bus);
  await settings.update({
    cluster: 'localnet',
    endpoints: { ...(await settings.get()).endpoints, localnet: [options.rpcUrl] },
  });

  const chain = new ChainService({
    cluster: createClusterConfig('localnet', [options.rpcUrl]),
    logger: silent,
    policy: { attemptsPerEndpoint: 1, baseDelayMs: 1, maxDelayMs: 1, requestTimeoutMs: 5_000 },
  });
  const offline = createOfflineServices({
    chain: () => Promise.resolve(chain),
    settings,
    store,
    ledger,
    bus,
    logger: silent,
    delay: () => Promise.resolve(),
    ...(options.now === undefined ? {} : { now: options.now }),
  });

  const signer = new PublicKey(emulator.publicKey(SIGNER_PATH)).toBase58();
  if (options.saveSigner !== false) {
    await store.accounts.upsert({ publicKey: signer, derivationPath: SIGNER_PATH, name: 'Main' });
  }

  const handlers = {
    ...createLedgerHandlers({ bus, store, settings, ledger, logger: silent }),
    ...createOfflineHandlers({
      bus,
      store,
      settings,
      ledger,
      logger: silent,
      chainHub: { chain: () => Promise.resolve(chain) },
      offline,
    }),
  } as Handlers;
  ledger.start();

  const call = async <M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>> => {
    const signal = new AbortController().signal;
    const result = await dispatchCall(handlers, silent, method, input, { signal });
    if (!result.ok) {
      throw WalletError.fromData(result.error);
    }
    return result.value as MethodOutput<M>;
  };

  return {
    dataDir,
    emulator,
    ledger,
    store,
    settings,
    chain,
    offline,
    bus,
    events,
    nextEvent: (matches) => {
      const earlier = events.find(matches);
      if (earlier !== undefined) {
        return Promise.resolve(earlier);
      }
      return new Promise((resolve) => {
        const waiter = (message: EventMessage): void => {
          if (matches(message)) {
            waiters.delete(waiter);
            resolve(message);
          }
        };
        waiters.add(waiter);
      });
    },
    signer,
    call,
    failureOf: async (method, input) => {
      try {
        await call(method, input);
      } catch (error) {
        if (error instanceof WalletError) {
          return error;
        }
        throw error;
      }
      throw new Error(`${method} succeeded but was expected to fail`);
    },
    close: async () => {
      ledger.stop();
      provider.dispose();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a web3.js connection that checks chain state independently of the app's code. */
export function connectTo(url: string): Connection {
  return new Connection(url, 'confirmed');
}
