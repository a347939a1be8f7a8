import { PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';
import { z } from 'zod';

import type { NonceAccountList, NonceAccountView } from '../../../shared/contract/offline';
import type { ClusterId } from '../../../shared/domain/chain';
import type { ReviewModel } from '../../../shared/domain/stake';
import type { PendingTransaction, StoredAccount } from '../../../shared/domain/store';
import { isWalletError, WalletError } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import type { SettingsService } from '../../settings-service';
import type { SnapshotService } from '../../store';
import {
  buildReviewModel,
  composeTransaction,
  parseMessage,
  SYSTEM_PROGRAM_ID,
  type TransactionLifetime as BuilderLifetime,
} from '../../stake';
import { createAccountWithSeedInstruction } from '../../stake/instructions/system';
import { accountLabel, findStoredAccount } from '../ledger/account-views';
import {
  decodeNonceAccount,
  deriveNonceAddress,
  initializeNonceInstruction,
  NONCE_ACCOUNT_SPACE,
  nonceSeed,
} from './nonce-account';
import { TransactionRpc } from '../transaction-rpc';
import { isNetworkUnavailable, requireNetwork } from './network-required';
import { findNonceHolder, NONCE_HOLDING_STATUSES } from './nonce-reservation';
import type { StakeParametersService } from './stake-parameters-service';

/** Derived nonce addresses read per key in one window; a window with none found ends the search. */
const SEARCH_WINDOW = 5;
/** Highest seed index searched, so a key with many accounts cannot make the search endless. */
const MAX_SEED_INDEX = 200;

interface NonceReading {
  address: string;
  seed: string;
  authority: string;
  nonceValue: string;
  lamports: bigint;
  slot: number;
  readAt: string;
}

/** JSON form of the nonce readings the store saves per cluster; lamports as decimal strings. */
const savedReadingsSchema = z.array(
  z.strictObject({
    address: z.string(),
    seed: z.string(),
    authority: z.string(),
    nonceValue: z.string(),
    lamports: z.string().regex(/^\d+$/),
    slot: z.number().int().nonnegative(),
    readAt: z.string(),
  }),
);

export interface NonceAccountServiceDependencies {
  chain: () => Promise<ChainService>;
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[] };
  pending: { list(): PendingTransaction[] };
  /** Solana app version on the device, when one is open; it decides the review's screens. */
  appVersion: () => string | null;
  /** Store of the last readings, so nonce values survive a restart without network. */
  snapshots?: Pick<SnapshotService, 'save' | 'load'>;
  /** Saves the stake rent reserve and minimum delegation on every successful nonce read. */
  stakeParameters?: Pick<StakeParametersService, 'readAndSave' | 'load'>;
  logger: Logger;
  now?: () => Date;
}

/** A nonce lifetime for a builder, with the read its value comes from. */
export interface NonceForSigning {
  lifetime: Extract<BuilderLifetime, { kind: 'nonce' }>;
  slot: number;
  readAt: string;
  /** True when the cluster was unreachable and the value is the last one read. */
  fromCache: boolean;
}

/** A transaction that creates a nonce account, ready to queue. */
export interface PreparedNonceAccount {
  message: Uint8Array;
  lastValidBlockHeight: number;
  nonceAccount: string;
  seed: string;
  review: ReviewModel;
}

/** Solana app version assumed for a review when no device is open. */
export const DEFAULT_REVIEW_APP_VERSION = '1.9.0';

/**
 * The person's durable nonce accounts. Each is created with `createAccountWithSeed` from a
 * saved Ledger key and seed `nonce:<n>`, with that key as nonce authority, so the accounts
 * are found again by deriving their addresses. The last read is kept per cluster, in memory
 * and in the store's nonce snapshot with its slot and time, so a transaction can be prepared
 * with a nonce while the cluster is unreachable, also after a restart.
 */
export class NonceAccountService {
  private readonly readings = new Map<ClusterId, Map<string, NonceReading>>();
  private readonly now: () => Date;

  constructor(private readonly dependencies: NonceAccountServiceDependencies) {
    this.now = dependencies.now ?? (() => new Date());
  }

  /** Lists the nonce accounts, read from the cluster first when `refresh` is set. */
  async list(options: { refresh: boolean; signal?: AbortSignal }): Promise<NonceAccountList> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    let error: WalletError | null = null;
    let fromCache = !options.refresh;

    if (options.refresh) {
      try {
        await this.refresh(cluster, options.signal);
      } catch (caught) {
        if (!isNetworkUnavailable(caught) || !isWalletError(caught)) {
          throw caught;
        }
        this.dependencies.logger.warn({ cluster }, 'nonce accounts not read: cluster unreachable');
        error = caught;
        fromCache = true;
      }
    }

    await this.knownReadings(cluster);
    const parameters = (await this.dependencies.stakeParameters?.load(cluster)) ?? null;
    return {
      accounts: this.views(cluster),
      stakeParameters:
        parameters === null
          ? null
          : {
              stakeRentReserve: parameters.stakeRentReserve.toString(),
              minimumDelegation: parameters.minimumDelegation.toString(),
              slot: parameters.slot,
              readAt: parameters.readAt,
            },
      fromCache,
      error: error === null ? null : error.toData(),
    };
  }

  /**
   * Returns the lifetime a builder needs to use this nonce account, after checking that the
   * signer is its authority and that no pending transaction uses it. The nonce is read from
   * the cluster, or taken from the last read when the cluster cannot be reached.
   *
   * @throws WalletError NONCE_ACCOUNT_RESERVED, NONCE_AUTHORITY_MISMATCH,
   *   NONCE_ACCOUNT_NOT_FOUND, NONCE_ACCOUNT_INVALID or NONCE_VALUE_UNKNOWN.
   */
  async nonceLifetime(
    request: { nonceAccount: string; authority: string },
    signal?: AbortSignal,
  ): Promise<Extract<BuilderLifetime, { kind: 'nonce' }>> {
    return (await this.nonceForSigning(request, signal)).lifetime;
  }

  /**
   * Does what `nonceLifetime` does and also returns where the nonce value comes from: the
   * slot and time of the read, and whether it is the last read because the cluster was
   * unreachable.
   */
  async nonceForSigning(
    request: { nonceAccount: string; authority: string },
    signal?: AbortSignal,
  ): Promise<NonceForSigning> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    this.assertFree(request.nonceAccount);

    const { reading, fromCache } = await this.readOne(cluster, request.nonceAccount, signal);
    if (reading.authority !== request.authority) {
      throw new WalletError('NONCE_AUTHORITY_MISMATCH', {
        address: request.nonceAccount,
        authority: reading.authority,
        expectedAuthority: request.authority,
      });
    }
    return {
      lifetime: {
        kind: 'nonce',
        nonceAccount: new PublicKey(reading.address),
        nonceValue: reading.nonceValue,
      },
      slot: reading.slot,
      readAt: reading.readAt,
      fromCache,
    };
  }

  /**
   * Throws NONCE_ACCOUNT_RESERVED when a pending transaction other than `exceptId` still
   * uses the nonce of `address`.
   */
  assertFree(address: string, exceptId?: string): void {
    const holder = this.holderOf(address);
    if (holder !== null && holder !== exceptId) {
      throw new WalletError(
        'NONCE_ACCOUNT_RESERVED',
        { address, pendingId: holder },
        `nonce account ${address} is reserved for pending transaction ${holder}`,
      );
    }
  }

  /**
   * Builds the transaction that creates the next free nonce account of `authority`:
   * CreateAccountWithSeed (base and funder = the Ledger key, owner = System program, rent-exempt
   * for 80 bytes) then InitializeNonceAccount with the same key as authority. The Ledger shows
   * this pair in clear as "Create nonce acct".
   */
  async prepareCreate(authority: string, signal?: AbortSignal): Promise<PreparedNonceAccount> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const account = findStoredAccount(this.dependencies.accounts.list(), authority);
    const rpc = new TransactionRpc((await this.dependencies.chain()).rpc);

    try {
      await this.refresh(cluster, signal);
      const { index, address } = this.nextFreeSeed(cluster, account.publicKey);
      const rent = await rpc.minimumBalanceForRentExemption(NONCE_ACCOUNT_SPACE, signal);
      const latest = await rpc.latestBlockhash(signal);

      const authorityKey = new PublicKey(account.publicKey);
      const appVersion = this.dependencies.appVersion() ?? DEFAULT_REVIEW_APP_VERSION;
      const built = composeTransaction(
        [
          createAccountWithSeedInstruction({
            from: authorityKey,
            newAccount: address,
            base: authorityKey,
            seed: nonceSeed(index),
            lamports: rent,
            space: NONCE_ACCOUNT_SPACE,
            owner: SYSTEM_PROGRAM_ID,
          }),
          initializeNonceInstruction(address, authorityKey),
        ],
        {
          signer: authorityKey,
          lifetime: { kind: 'blockhash', blockhash: latest.blockhash },
          appVersion,
        },
      );
      const message = built.message.serialize();

      this.dependencies.logger.info(
        { authority, nonceAccount: address.toBase58(), seed: nonceSeed(index) },
        'prepared a nonce account creation',
      );
      return {
        message,
        lastValidBlockHeight: latest.lastValidBlockHeight,
        nonceAccount: address.toBase58(),
        seed: nonceSeed(index),
        review: buildReviewModel(message, {
          signer: authority,
          appVersion,
          labels: this.labels(),
        }),
      };
    } catch (error) {
      throw requireNetwork(error, 'Creating a nonce account', cluster);
    }
  }

  /** Reads every derived nonce address of every saved key, window by window. */
  private async refresh(cluster: ClusterId, signal?: AbortSignal): Promise<void> {
    const rpc = new TransactionRpc((await this.dependencies.chain()).rpc);
    const found = new Map<string, NonceReading>();
    let searching = this.dependencies.accounts.list().map((account) => account.publicKey);

    for (let start = 0; searching.length > 0 && start < MAX_SEED_INDEX; start += SEARCH_WINDOW) {
      const candidates = searching.flatMap((authority) =>
        Array.from({ length: SEARCH_WINDOW }, (_, offset) => ({
          authority,
          index: start + offset,
          address: deriveNonceAddress(new PublicKey(authority), start + offset).toBase58(),
        })),
      );
      const batch = await rpc.accounts(
        candidates.map((candidate) => candidate.address),
        signal,
      );

      const withAccounts = new Set<string>();
      for (const candidate of candidates) {
        const account = batch.accounts.get(candidate.address) ?? null;
        if (account === null) {
          continue;
        }
        withAccounts.add(candidate.authority);
        try {
          const state = decodeNonceAccount(candidate.address, account.owner, account.data);
          found.set(candidate.address, {
            address: candidate.address,
            seed: nonceSeed(candidate.index),
            authority: state.authority,
            nonceValue: state.nonceValue,
            lamports: account.lamports,
            slot: batch.slot,
            readAt: this.now().toISOString(),
          });
        } catch (error) {
          this.dependencies.logger.warn(
            { address: candidate.address, err: error },
            'derived nonce address holds no usable nonce',
          );
        }
      }
      searching = searching.filter((authority) => withAccounts.has(authority));
    }

    this.readings.set(cluster, found);
    await this.persist(cluster, rpc, signal);
  }

  private async readOne(
    cluster: ClusterId,
    address: string,
    signal?: AbortSignal,
  ): Promise<{ reading: NonceReading; fromCache: boolean }> {
    const cached = (await this.knownReadings(cluster)).get(address);
    let batch: Awaited<ReturnType<TransactionRpc['accounts']>>;
    let rpc: TransactionRpc;
    try {
      rpc = new TransactionRpc((await this.dependencies.chain()).rpc);
      batch = await rpc.accounts([address], signal);
    } catch (error) {
      if (!isNetworkUnavailable(error)) {
        throw error;
      }
      if (cached === undefined) {
        throw new WalletError('NONCE_VALUE_UNKNOWN', { address });
      }
      this.dependencies.logger.info({ address }, 'cluster unreachable; using the last nonce read');
      return { reading: cached, fromCache: true };
    }

    const account = batch.accounts.get(address) ?? null;
    if (account === null) {
      throw new WalletError('NONCE_ACCOUNT_NOT_FOUND', { address });
    }
    const state = decodeNonceAccount(address, account.owner, account.data);
    const reading: NonceReading = {
      address,
      seed: cached?.seed ?? this.seedOf(address) ?? '',
      authority: state.authority,
      nonceValue: state.nonceValue,
      lamports: account.lamports,
      slot: batch.slot,
      readAt: this.now().toISOString(),
    };
    const known = this.readings.get(cluster) ?? new Map<string, NonceReading>();
    known.set(address, reading);
    this.readings.set(cluster, known);
    await this.persist(cluster, rpc, signal);
    return { reading, fromCache: false };
  }

  /** Returns this run's readings of the cluster, loaded from the store on first use. */
  private async knownReadings(cluster: ClusterId): Promise<Map<string, NonceReading>> {
    const known = this.readings.get(cluster);
    if (known !== undefined) {
      return known;
    }
    const loaded = new Map<string, NonceReading>();
    const saved =
      (await this.dependencies.snapshots?.load('nonceAccounts', cluster, savedReadingsSchema)) ??
      null;
    for (const reading of saved?.data ?? []) {
      loaded.set(reading.address, { ...reading, lamports: BigInt(reading.lamports) });
    }
    this.readings.set(cluster, loaded);
    return loaded;
  }

  /**
   * Saves the cluster's readings in the store. A failure is logged and not raised, because
   * the readings in memory still serve this run.
   */
  private async persist(
    cluster: ClusterId,
    rpc: TransactionRpc,
    signal?: AbortSignal,
  ): Promise<void> {
    const snapshots = this.dependencies.snapshots;
    if (snapshots === undefined) {
      return;
    }
    const readings = [...(this.readings.get(cluster)?.values() ?? [])];
    try {
      await snapshots.save(
        'nonceAccounts',
        cluster,
        {
          slot: Math.max(0, ...readings.map((reading) => reading.slot)),
          epoch: await rpc.epoch(signal),
          fetchedAt: this.now().toISOString(),
        },
        readings.map((reading) => ({ ...reading, lamports: reading.lamports.toString() })),
        savedReadingsSchema,
      );
    } catch (error) {
      this.dependencies.logger.error({ cluster, err: error }, 'saving the nonce readings failed');
    }
    // A person who reads a nonce online may sign with it offline later, and offline stake
    // operations also need these figures.
    await this.dependencies.stakeParameters?.readAndSave(
      (await this.dependencies.chain()).rpc,
      cluster,
      signal,
    );
  }

  /** The first seed index whose address is neither on chain nor created by a pending transaction. */
  private nextFreeSeed(
    cluster: ClusterId,
    authority: string,
  ): { index: number; address: PublicKey } {
    const onChain = this.readings.get(cluster) ?? new Map<string, NonceReading>();
    const inPending = new Set(
      this.dependencies.pending
        .list()
        .filter((record) => NONCE_HOLDING_STATUSES.has(record.status.kind))
        .flatMap((record) => parseMessage(Buffer.from(record.messageBase64, 'base64')).staticKeys),
    );

    for (let index = 0; index < MAX_SEED_INDEX; index += 1) {
      const address = deriveNonceAddress(new PublicKey(authority), index);
      const text = address.toBase58();
      if (!onChain.has(text) && !inPending.has(text)) {
        return { index, address };
      }
    }
    throw new WalletError('NONCE_ACCOUNT_INVALID', {
      address: authority,
      reason: `every nonce seed up to ${MAX_SEED_INDEX} is in use`,
    });
  }

  private holderOf(address: string): string | null {
    return findNonceHolder(this.dependencies.pending.list(), address)?.id ?? null;
  }

  private seedOf(address: string): string | null {
    for (const account of this.dependencies.accounts.list()) {
      for (let index = 0; index < MAX_SEED_INDEX; index += 1) {
        if (deriveNonceAddress(new PublicKey(account.publicKey), index).toBase58() === address) {
          return nonceSeed(index);
        }
      }
    }
    return null;
  }

  private views(cluster: ClusterId): NonceAccountView[] {
    const accounts = new Map(
      this.dependencies.accounts.list().map((account) => [account.publicKey, account]),
    );
    const views: NonceAccountView[] = [];
    for (const reading of this.readings.get(cluster)?.values() ?? []) {
      const authority = accounts.get(reading.authority);
      if (authority === undefined) {
        continue;
      }
      views.push({
        address: reading.address,
        authority: reading.authority,
        authorityName: authority.name,
        authorityPath: authority.derivationPath,
        seed: reading.seed,
        nonceValue: reading.nonceValue,
        lamports: reading.lamports.toString(),
        reservedBy: this.holderOf(reading.address),
        slot: reading.slot,
        readAt: reading.readAt,
      });
    }
    return views.sort(
      (left, right) =>
        left.authorityPath.localeCompare(right.authorityPath) ||
        left.seed.localeCompare(right.seed, undefined, { numeric: true }),
    );
  }

  private labels(): Map<string, string> {
    return new Map(
      this.dependencies.accounts
        .list()
        .map((account): [string, string] => [account.publicKey, accountLabel(account)]),
    );
  }
}
