import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PublicKey } from '@solana/web3.js';
import pino from 'pino';
import { expect } from 'vitest';

import { StakeFlowService } from '../../../src/main/api/stake/stake-flow-service';
import { ChainService, createClusterConfig } from '../../../src/main/chain';
import { LedgerService } from '../../../src/main/ledger';
import { StoreService } from '../../../src/main/store';
import {
  sendOutcomeSchema,
  stakeDraftSchema,
  stakeFlowProgressSchema,
  stakeFlowValiditySchema,
  type SendOutcome,
  type StakeDraft,
  type StakeFlowProgress,
  type StakeFlowValidity,
} from '../../../src/shared/contract/stake';
import type { StakeAccountView } from '../../../src/shared/domain/chain';
import { defaultSettings } from '../../../src/shared/domain/settings';
import { EmulatorProvider } from '../../support/emulated-ledger/emulator-provider';
import { fieldsOf, LedgerEmulator, type PersonAction } from '../../support/ledger-emulator';
import { startLocalnet, type Localnet } from '../../support/localnet';

export const SOL = 1_000_000_000n;
export const SIGNER_PATH = "44'/501'/0'";
export const SECOND_PATH = "44'/501'/1'";

export interface FlowHarnessOptions {
  /** Solana app version of the emulated Ledger; 1.9.0 by default. */
  appVersion?: string;
  /** SOL the faucet sends to the signing account first; 10 by default. */
  fundSol?: bigint;
  /** What the person at the device does once the scripted queue is empty. */
  person?: PersonAction;
  commitment?: 'confirmed' | 'finalized';
}

/** A StakeFlowService on the local chain and the emulated Ledger, with its events collected. */
export interface FlowHarness {
  localnet: Localnet;
  emulator: LedgerEmulator;
  chain: ChainService;
  store: StoreService;
  flows: StakeFlowService;
  signer: string;
  second: string;
  progress: StakeFlowProgress[];
  validity: StakeFlowValidity[];
  /** Resolves with the first progress event, past or future, that matches. */
  waitForProgress(matches: (event: StakeFlowProgress) => boolean): Promise<StakeFlowProgress>;
  /** Resolves once the emulated device shows a request waiting for the person. */
  waitForDeviceRequest(): Promise<void>;
  /** Resolves with the first validity event after the first `skip` ones. */
  waitForValidity(skip: number): Promise<StakeFlowValidity>;
  /**
   * Signs a draft while the person waits at the device, reads the title and value of each
   * screen the emulator shows, presses `press` and returns them with the flow's outcome.
   */
  signReadingScreens(
    draft: StakeDraft,
    press?: 'approve' | 'reject',
  ): Promise<{ shown: Array<[string, string]>; outcome: SendOutcome }>;
  /** Reads a stake account through the chain layer, activation computed at the current epoch. */
  readStakeAccount(address: string): Promise<StakeAccountView | null>;
  balanceOf(address: string): Promise<bigint>;
  /** Vote account of the n-th seeded validator that votes (the bootstrap validator is skipped). */
  voteAccount(index: number): string;
  close(): Promise<void>;
}

const logger = pino({ level: 'silent' });

export async function startFlowHarness(options: FlowHarnessOptions = {}): Promise<FlowHarness> {
  const localnet = await startLocalnet();
  const emulator = new LedgerEmulator({
    settings: { version: options.appVersion ?? '1.9.0' },
    person: options.person ?? { kind: 'wait' },
  });
  const provider = new EmulatorProvider(emulator, { framing: 'apdu' });
  const ledger = new LedgerService(provider, logger, { pollIntervalMs: null });
  ledger.start();

  const directory = await mkdtemp(join(tmpdir(), 'stake-flows-'));
  const store = new StoreService({ directory, logger });
  await store.open();
  const signer = addressOf(emulator, SIGNER_PATH);
  const second = addressOf(emulator, SECOND_PATH);
  await store.accounts.upsert({ publicKey: signer, derivationPath: SIGNER_PATH, name: 'Main' });
  await store.accounts.upsert({ publicKey: second, derivationPath: SECOND_PATH, name: 'Cold' });

  const chain = new ChainService({
    cluster: createClusterConfig('localnet', [localnet.url]),
    logger,
    policy: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const progress: StakeFlowProgress[] = [];
  const validity: StakeFlowValidity[] = [];
  const progressWaiters = new Set<() => void>();
  const validityWaiters = new Set<() => void>();

  const flows = new StakeFlowService({
    ledger,
    chains: { chain: () => Promise.resolve(chain) },
    accounts: store.accounts,
    pending: store.pending,
    audit: store.audit,
    settings: {
      get: () =>
        Promise.resolve({
          ...defaultSettings,
          cluster: 'localnet',
          commitment: options.commitment ?? 'confirmed',
        }),
    },
    events: {
      // The app's event bus drops events outside the contract, so each one is checked here.
      progress: (event) => {
        progress.push(stakeFlowProgressSchema.parse(event));
        for (const wake of progressWaiters) {
          wake();
        }
      },
      validity: (event) => {
        validity.push(stakeFlowValiditySchema.parse(event));
        for (const wake of validityWaiters) {
          wake();
        }
      },
    },
    logger,
    timing: { confirmPollMs: 10, validityPollMs: 10, finalizeTimeoutMs: 20_000 },
  });

  await localnet.fund(signer, (options.fundSol ?? 10n) * SOL);

  const validators = localnet.validators.filter((validator) => validator.keys !== null);
  const waitForDeviceRequest = (): Promise<void> =>
    new Promise((resolve) => {
      if (emulator.currentRequest !== null) {
        resolve();
        return;
      }
      const unsubscribe = emulator.subscribe((event) => {
        if (event.type === 'request-started') {
          unsubscribe();
          resolve();
        }
      });
    });

  return {
    localnet,
    emulator,
    chain,
    store,
    flows,
    signer,
    second,
    progress,
    validity,
    waitForProgress: (matches) =>
      new Promise((resolve) => {
        const check = (): boolean => {
          const found = progress.find(matches);
          if (found !== undefined) {
            progressWaiters.delete(check);
            resolve(found);
            return true;
          }
          return false;
        };
        if (!check()) {
          progressWaiters.add(check);
        }
      }),
    waitForDeviceRequest,
    waitForValidity: (skip) =>
      new Promise((resolve) => {
        const check = (): void => {
          const found = validity[skip];
          if (found !== undefined) {
            validityWaiters.delete(check);
            resolve(found);
          }
        };
        validityWaiters.add(check);
        check();
      }),
    signReadingScreens: async (draft, press = 'approve') => {
      const sending = flows.signAndSend(draft.draftId, new AbortController().signal);
      await Promise.race([
        waitForDeviceRequest(),
        sending.then(() => {
          throw new Error('the flow finished before the device showed the transaction');
        }),
      ]);
      const shown = fieldsOf(emulator.currentRequest?.screens ?? []);
      if (press === 'approve') {
        emulator.approve();
      } else {
        emulator.reject();
      }
      return { shown, outcome: await sending };
    },
    readStakeAccount: async (address) => {
      const result = await chain.fetchStakeAccountsByAddress([address]);
      return result.accounts[0] ?? null;
    },
    balanceOf: async (address) => {
      const result = await chain.createConnection().getBalance(new PublicKey(address));
      return BigInt(result);
    },
    voteAccount: (index) => {
      const validator = validators.filter((entry) => entry.name !== 'Harbor Validator')[index];
      if (validator === undefined) {
        throw new Error(`the local chain has no voting validator number ${index}`);
      }
      return validator.voteAccount.toBase58();
    },
    close: async () => {
      await flows.close();
      ledger.stop();
      provider.dispose();
      await store.close();
      await localnet.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function addressOf(emulator: LedgerEmulator, path: string): string {
  return new PublicKey(emulator.publicKey(path)).toBase58();
}

/**
 * Title and value of each predicted screen a device without expert mode shows, the form the
 * emulator's screens are compared in.
 */
export function predictedScreens(draft: StakeDraft): Array<[string, string]> {
  const { device } = draft.review;
  if (device.outcome !== 'clearSign') {
    throw new Error(`expected a clear-signed draft, got ${device.outcome}`);
  }
  return device.screens
    .filter((screen) => !screen.expertOnly)
    .map((screen) => [screen.title, screen.value]);
}

/** App versions the screen predictions are checked against: the 1.9 line and the newer one. */
export const APP_VERSIONS = ['1.9.0', '1.16.0'] as const;

/**
 * Signs a draft on the emulated Ledger, checks that the device showed exactly the predicted
 * screens, and returns the outcome, which must be a landed transaction.
 */
export async function approveAndLand(
  harness: FlowHarness,
  draft: StakeDraft,
): Promise<Extract<SendOutcome, { outcome: 'landed' }>> {
  expect(stakeDraftSchema.safeParse(draft).error).toBeUndefined();
  const { shown, outcome } = await harness.signReadingScreens(draft);
  expect(sendOutcomeSchema.safeParse(outcome).error).toBeUndefined();
  expect(shown.length).toBeGreaterThan(0);
  expect(shown).toEqual(predictedScreens(draft));
  if (outcome.outcome !== 'landed') {
    throw new Error(`expected the transaction to land, got ${JSON.stringify(outcome)}`);
  }
  return outcome;
}
