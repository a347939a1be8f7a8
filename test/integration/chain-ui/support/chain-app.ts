import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';

import { dispatchCall } from '../../../../src/main/api/dispatch';
import { composeApp, type ComposedApp } from '../../../../src/main/compose';
import type {
  EventMessage,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../../src/shared/contract';
import { defaultSettings } from '../../../../src/shared/domain/settings';
import { WalletError } from '../../../../src/shared/errors';
import { noDeviceProvider } from '../../../support/emulated-ledger/no-device-provider';

const silent = pino({ level: 'silent' });

/** The app's services on one data folder, called through the bridge's own dispatch. */
export interface ChainApp {
  composed: ComposedApp;
  dataDir: string;
  /** Calls a contract method with input and output validation; throws the WalletError. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Payloads of the events of one name received so far, oldest first. */
  eventsOf<E extends EventName>(name: E): EventPayload<E>[];
  close(): Promise<void>;
}

export interface ChainAppOptions {
  /** RPC endpoints of the local cluster, in order. */
  urls: readonly string[];
  /** Data folder of an earlier app, to test what survives a restart. */
  dataDir?: string;
  accounts?: readonly { publicKey: string; derivationPath: string; name?: string }[];
}

/** Starts the composed app pointed at local endpoints, with the given saved accounts. */
export async function startChainApp(options: ChainAppOptions): Promise<ChainApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'chain-ui-')));
  const composed = await composeApp({
    info: { version: '0.0.0-test', host: 'browser', demo: true },
    logger: silent,
    dataDir,
    openExternal: () => Promise.resolve(false),
    ledgerTransport: noDeviceProvider,
    initialSettings: {
      cluster: 'localnet',
      endpoints: { ...defaultSettings.endpoints, localnet: [...options.urls] },
    },
  });
  for (const account of options.accounts ?? []) {
    await composed.services.store.accounts.upsert({
      publicKey: account.publicKey,
      derivationPath: account.derivationPath,
      name: account.name ?? '',
    });
  }

  const received: EventMessage[] = [];
  composed.bus.addSink((message) => received.push(message));

  return {
    composed,
    dataDir,
    call: async (method, input) => {
      const context = { signal: new AbortController().signal };
      const result = await dispatchCall(composed.handlers, silent, method, input, context);
      if (!result.ok) {
        throw WalletError.fromData(result.error);
      }
      return result.value as MethodOutput<typeof method>;
    },
    eventsOf: <E extends EventName>(name: E) =>
      received
        .filter((message) => message.name === name)
        .map((message) => message.payload as EventPayload<E>),
    close: () => composed.close(),
  };
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}
