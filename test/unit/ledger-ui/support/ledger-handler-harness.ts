import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PublicKey } from '@solana/web3.js';
import pino from 'pino';

import { createAppHandlers } from '../../../../src/main/api/app-handlers';
import { dispatchCall } from '../../../../src/main/api/dispatch';
import type { Handlers } from '../../../../src/main/api/handlers';
import {
  createLedgerHandlers,
  type AccountActivity,
} from '../../../../src/main/api/ledger-handlers';
import type { ChainService } from '../../../../src/main/chain';
import { EventBus } from '../../../../src/main/event-bus';
import { LedgerService } from '../../../../src/main/ledger';
import { SettingsService } from '../../../../src/main/settings-service';
import { createSettingsPersistence, StoreService } from '../../../../src/main/store';
import type {
  EventMessage,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../../src/shared/contract';
import { WalletError } from '../../../../src/shared/errors';
import { EmulatorProvider } from '../../../support/emulated-ledger/emulator-provider';
import {
  LedgerEmulator,
  type ConfirmationRequest,
  type LedgerEmulatorOptions,
} from '../../../support/ledger-emulator';

export interface HarnessOptions {
  emulator?: LedgerEmulatorOptions;
  /** Chain look-ups for discovery. Without them the app has no chain data. */
  accountActivity?: AccountActivity;
  /** The cluster reviews are checked against. Without it every review is `notChecked`. */
  chain?: ChainService;
}

export interface LedgerHandlerHarness {
  emulator: LedgerEmulator;
  store: StoreService;
  events: EventMessage[];
  /** Requests that reached the device and waited for the person, in order. */
  deviceRequests: ConfirmationRequest[];
  /** Every APDU sent to the device, in order. */
  apdus: Uint8Array[];
  /** Runs a method through the bridge dispatcher and returns its value or throws its error. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Resolves with the first event of that name, already sent or still to come, that matches. */
  nextEvent<E extends EventName>(
    name: E,
    matches?: (payload: EventPayload<E>) => boolean,
  ): Promise<EventPayload<E>>;
  eventsNamed<E extends EventName>(name: E): EventPayload<E>[];
  addressOf(path: string): string;
  close(): Promise<void>;
}

const silent = pino({ level: 'silent' });

/**
 * Starts the Ledger handlers over an emulated Ledger (APDU framing, idle polling off) and a
 * store in a fresh temporary folder, and calls them through the real dispatcher, so every
 * input and output is checked against the contract.
 */
export async function startLedgerHandlers(
  options: HarnessOptions = {},
): Promise<LedgerHandlerHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ledger-ui-'));
  const emulator = new LedgerEmulator(options.emulator);
  const provider = new EmulatorProvider(emulator, { framing: 'apdu' });
  const ledger = new LedgerService(provider, silent, { pollIntervalMs: null });

  const store = new StoreService({ directory: dataDir, logger: silent });
  await store.open();
  const bus = new EventBus(silent);
  const settings = new SettingsService(createSettingsPersistence(store.settings), bus);

  const events: EventMessage[] = [];
  const waiters = new Set<(message: EventMessage) => void>();
  bus.addSink((message) => {
    events.push(message);
    for (const waiter of [...waiters]) {
      waiter(message);
    }
  });

  const apdus: Uint8Array[] = [];
  const exchange = emulator.exchange.bind(emulator);
  emulator.exchange = (apdu) => {
    apdus.push(Uint8Array.from(apdu));
    return exchange(apdu);
  };

  const deviceRequests: ConfirmationRequest[] = [];
  emulator.subscribe((event) => {
    if (event.type === 'request-started') {
      deviceRequests.push(event.request);
    }
  });

  // Only the app and Ledger slices of the contract are bound here; the tests call no others.
  const handlers = {
    ...createAppHandlers({
      info: { version: '0.0.0-test', host: 'browser', demo: true },
      settings,
      openExternal: () => Promise.resolve(false),
    }),
    ...createLedgerHandlers({
      bus,
      store,
      settings,
      ledger,
      logger: silent,
      ...(options.accountActivity === undefined
        ? {}
        : { accountActivity: options.accountActivity }),
      ...(options.chain === undefined ? {} : { chainHub: chainHubOf(options.chain) }),
    }),
  } as Handlers;
  ledger.start();

  const eventsNamed = <E extends EventName>(name: E): EventPayload<E>[] =>
    events
      .filter((message) => message.name === name)
      .map((message) => message.payload as EventPayload<E>);

  return {
    emulator,
    store,
    events,
    deviceRequests,
    apdus,
    call: async (method, input) => {
      const signal = new AbortController().signal;
      const result = await dispatchCall(handlers, silent, method, input, { signal });
      if (!result.ok) {
        throw WalletError.fromData(result.error);
      }
      return result.value as MethodOutput<typeof method>;
    },
    nextEvent: (name, matches = () => true) => {
      const earlier = eventsNamed(name).find(matches);
      if (earlier !== undefined) {
        return Promise.resolve(earlier);
      }
      return new Promise((resolve) => {
        const waiter = (message: EventMessage): void => {
          if (message.name === name && matches(message.payload as EventPayload<typeof name>)) {
            waiters.delete(waiter);
            resolve(message.payload as EventPayload<typeof name>);
          }
        };
        waiters.add(waiter);
      });
    },
    eventsNamed,
    addressOf: (path) => new PublicKey(emulator.publicKey(path)).toBase58(),
    close: async () => {
      ledger.stop();
      provider.dispose();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function chainHubOf(chain: ChainService): { chain(): Promise<ChainService> } {
  return { chain: () => Promise.resolve(chain) };
}
