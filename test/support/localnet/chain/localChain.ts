import { EpochSchedule, Keypair, PublicKey, StakeProgram, VoteProgram } from '@solana/web3.js';
import type { Logger } from 'pino';
import { Account, Clock, start } from 'solana-bankrun/dist/internal';
import type { BanksClient, GenesisConfig, ProgramTestContext } from 'solana-bankrun/dist/internal';

import { decodeStakeState } from '../codec/stakeState';
import { decodeVoteState } from '../codec/voteState';
import { AccountIndex } from './accountIndex';
import { BlockhashRegistry, MAX_PROCESSING_AGE } from './blockhashRegistry';
import { RewardLedger } from './rewardLedger';
import { TransactionLog } from './transactionLog';

/** Wall-clock time one slot represents on the local chain, as on mainnet-beta. */
export const SLOT_DURATION_MS = 400n;

/** Maximum advance, in slots, made one block per slot. Longer advances jump. */
const MAX_STEPPED_ADVANCE = 400n;

export interface RawAccount {
  lamports: bigint;
  data: Uint8Array;
  owner: PublicKey;
  executable: boolean;
  rentEpoch: bigint;
}

/** Position of the working bank, in the shape of the getEpochInfo RPC result. */
export interface ChainEpochInfo {
  absoluteSlot: bigint;
  blockHeight: bigint;
  epoch: bigint;
  slotIndex: bigint;
  slotsInEpoch: bigint;
  transactionCount: bigint;
}

/** Callbacks that let the seeded validators act as if they were voting. */
export interface ChainHooks {
  /** Runs in the last slot of `epoch`, before the bank freezes and rewards are computed. */
  beforeEpochEnds(epoch: bigint): Promise<void>;
  /** Runs after every advance, in the new working slot. */
  afterAdvance(slot: bigint): Promise<void>;
}

interface RewardableAccount {
  address: string;
  lamports: bigint;
  /** Vote account whose commission applies: the delegation's voter, or the account itself. */
  voteAccount: string;
}

/**
 * A solana-bankrun bank with the bookkeeping an RPC node needs on top of it: an index of
 * account keys, landed transactions, blockhash ages, rewards paid at each epoch boundary,
 * and a clock that advances 400 ms per slot. Callers serialize access (see SerialQueue).
 */
export class LocalChainService {
  readonly accounts = new AccountIndex();
  readonly transactions = new TransactionLog();
  readonly rewards = new RewardLedger();
  readonly blockhashes = new BlockhashRegistry();
  readonly epochSchedule: EpochSchedule;
  readonly genesisHash: string;
  readonly genesisTime: bigint;
  /** Funded keypair of the bankrun genesis, used as faucet and as source of seeded lamports. */
  readonly payer: Keypair;
  private hooks: ChainHooks | null = null;

  private constructor(
    private readonly context: ProgramTestContext,
    private readonly logger: Logger | undefined,
  ) {
    const schedule = context.genesisConfig.epochSchedule;
    this.epochSchedule = new EpochSchedule(
      Number(schedule.slotsPerEpoch),
      Number(schedule.leaderScheduleSlotOffset),
      schedule.warmup,
      Number(schedule.firstNormalEpoch),
      Number(schedule.firstNormalSlot),
    );
    // NOTE: bankrun does not expose the genesis hash, so the first blockhash stands in for it.
    this.genesisHash = context.lastBlockhash;
    this.genesisTime = BigInt(context.genesisConfig.creationTime);
    this.payer = Keypair.fromSecretKey(context.payer);
    for (const entry of context.genesisConfig.accounts) {
      this.accounts.add(new PublicKey(entry.address));
    }
  }

  static async start(logger?: Logger): Promise<LocalChainService> {
    // solana-bankrun logs every instruction at debug level unless RUST_LOG sets another level.
    process.env.RUST_LOG ??= 'error';
    const context = await start([], [], null, null, []);
    const chain = new LocalChainService(context, logger);
    await chain.syncClock();
    return chain;
  }

  get banks(): BanksClient {
    return this.context.banksClient;
  }

  setHooks(hooks: ChainHooks): void {
    this.hooks = hooks;
  }

  async slot(): Promise<bigint> {
    return this.banks.getSlot();
  }

  async blockHeight(): Promise<bigint> {
    return this.banks.getBlockHeight();
  }

  async clock(): Promise<Clock> {
    return this.banks.getClock();
  }

  epochOf(slot: bigint): bigint {
    return BigInt(this.epochSchedule.getEpoch(Number(slot)));
  }

  firstSlotOf(epoch: bigint): bigint {
    return BigInt(this.epochSchedule.getFirstSlotInEpoch(Number(epoch)));
  }

  async epochInfo(): Promise<ChainEpochInfo> {
    const absoluteSlot = await this.slot();
    const epoch = this.epochOf(absoluteSlot);
    return {
      absoluteSlot,
      blockHeight: await this.blockHeight(),
      epoch,
      slotIndex: absoluteSlot - this.firstSlotOf(epoch),
      slotsInEpoch: BigInt(this.epochSchedule.getSlotsInEpoch(Number(epoch))),
      transactionCount: BigInt(this.transactions.count),
    };
  }

  get genesisConfig(): GenesisConfig {
    return this.context.genesisConfig;
  }

  /** Returns the latest blockhash with the last block height at which the cluster accepts it. */
  async latestBlockhash(): Promise<{ blockhash: string; lastValidBlockHeight: bigint }> {
    const latest = await this.banks.getLatestBlockhash();
    if (latest === null) {
      throw new Error('bankrun returned no latest blockhash');
    }
    const height = await this.blockHeight();
    this.blockhashes.observe(latest.blockhash, height);
    return {
      blockhash: latest.blockhash,
      lastValidBlockHeight: height + MAX_PROCESSING_AGE,
    };
  }

  async readAccount(key: PublicKey): Promise<RawAccount | null> {
    const account = await this.banks.getAccount(key.toBytes());
    if (account === null) {
      return null;
    }
    return {
      lamports: account.lamports,
      data: account.data,
      owner: new PublicKey(account.owner),
      executable: account.executable,
      rentEpoch: account.rentEpoch,
    };
  }

  /**
   * Writes an account directly, taking any added lamports from the payer (or returning
   * removed ones to it). The bank checks that capitalization matches the sum of all
   * balances when it warps, and aborts the process if lamports were created from nothing.
   */
  async writeAccount(key: PublicKey, account: Omit<RawAccount, 'rentEpoch'>): Promise<void> {
    if (key.equals(this.payer.publicKey)) {
      throw new Error('the payer balance cannot be written directly; transfer from it instead');
    }
    const previous = await this.readAccount(key);
    const delta = account.lamports - (previous?.lamports ?? 0n);
    const payer = await this.readAccount(this.payer.publicKey);
    if (payer === null || payer.lamports < delta) {
      throw new Error(`payer cannot cover ${delta} lamports written to ${key.toBase58()}`);
    }

    this.context.setAccount(
      this.payer.publicKey.toBytes(),
      new Account(
        payer.lamports - delta,
        payer.data,
        payer.owner.toBytes(),
        false,
        payer.rentEpoch,
      ),
    );
    this.context.setAccount(
      key.toBytes(),
      new Account(account.lamports, account.data, account.owner.toBytes(), account.executable, 0n),
    );
    this.accounts.add(key);
  }

  async advanceSlots(count: bigint): Promise<void> {
    if (count < 1n) {
      throw new RangeError(`slot count must be at least 1, got ${count}`);
    }
    await this.advanceToSlot((await this.slot()) + count);
  }

  /** Advances to one slot after the first slot of the epoch `count` epochs ahead. */
  async advanceEpochs(count: bigint): Promise<void> {
    if (count < 1n) {
      throw new RangeError(`epoch count must be at least 1, got ${count}`);
    }
    const epoch = this.epochOf(await this.slot());
    await this.advanceToSlot(this.firstSlotOf(epoch + count));
  }

  /**
   * Advances the bank to `target`. Up to MAX_STEPPED_ADVANCE slots go one block per slot,
   * so blockhashes age as on a cluster. Longer advances jump and then treat every earlier
   * blockhash as expired. Crossing an epoch boundary always continues one slot past it,
   * because the runtime pays rewards in the block after the boundary.
   */
  async advanceToSlot(target: bigint): Promise<void> {
    const start = await this.slot();
    if (target <= start) {
      throw new RangeError(`target slot ${target} is not after the current slot ${start}`);
    }

    if (target - start <= MAX_STEPPED_ADVANCE) {
      for (let slot = start + 1n; slot <= target; slot++) {
        if (slot > (await this.slot())) {
          await this.moveTo(slot);
        }
      }
    } else {
      await this.moveTo(target);
      this.blockhashes.expireAll();
    }

    const reached = await this.slot();
    await this.hooks?.afterAdvance(reached);
    this.logger?.debug({ from: start, to: reached }, 'advanced local chain');
  }

  /** Warps to `target`, stopping at each epoch boundary on the way to record rewards. */
  private async moveTo(target: bigint): Promise<void> {
    for (;;) {
      const current = await this.slot();
      const epoch = this.epochOf(current);
      const nextEpochStart = this.firstSlotOf(epoch + 1n);
      if (target < nextEpochStart) {
        if (target > current) {
          await this.warp(target);
        }
        return;
      }

      if (nextEpochStart - 1n > current) {
        await this.warp(nextEpochStart - 1n);
      }
      await this.hooks?.beforeEpochEnds(epoch);
      const before = await this.readRewardableAccounts();
      await this.warp(nextEpochStart);
      await this.warp(nextEpochStart + 1n);
      await this.recordRewards(epoch, nextEpochStart + 1n, before);
      if (target <= nextEpochStart + 1n) {
        return;
      }
    }
  }

  private async warp(slot: bigint): Promise<void> {
    this.context.warpToSlot(slot);
    await this.syncClock();
  }

  /** Sets the clock sysvar to genesis time plus 400 ms per slot, because bankrun keeps it still. */
  private async syncClock(): Promise<void> {
    const clock = await this.clock();
    const epochStart = this.firstSlotOf(clock.epoch);
    this.context.setClock(
      new Clock(
        clock.slot,
        this.timeOfSlot(epochStart),
        clock.epoch,
        clock.leaderScheduleEpoch,
        this.timeOfSlot(clock.slot),
      ),
    );
  }

  /** Returns the Unix time in seconds of `slot` on this chain. */
  timeOfSlot(slot: bigint): bigint {
    return this.genesisTime + (slot * SLOT_DURATION_MS) / 1000n;
  }

  private async readRewardableAccounts(): Promise<RewardableAccount[]> {
    const found: RewardableAccount[] = [];
    for (const key of this.accounts.all()) {
      const account = await this.readAccount(key);
      if (account === null) {
        continue;
      }
      if (account.owner.equals(StakeProgram.programId)) {
        const state = safeDecode(() => decodeStakeState(account.data));
        if (state?.kind === 'stake') {
          found.push({
            address: key.toBase58(),
            lamports: account.lamports,
            voteAccount: state.delegation.voter.toBase58(),
          });
        }
      } else if (account.owner.equals(VoteProgram.programId)) {
        found.push({
          address: key.toBase58(),
          lamports: account.lamports,
          voteAccount: key.toBase58(),
        });
      }
    }
    return found;
  }

  private async recordRewards(
    epoch: bigint,
    effectiveSlot: bigint,
    before: RewardableAccount[],
  ): Promise<void> {
    const commissions = new Map<string, number | null>();
    let paidCount = 0;
    for (const entry of before) {
      const after = await this.readAccount(new PublicKey(entry.address));
      if (after === null || after.lamports <= entry.lamports) {
        continue;
      }
      if (!commissions.has(entry.voteAccount)) {
        commissions.set(entry.voteAccount, await this.readCommission(entry.voteAccount));
      }
      this.rewards.record(entry.address, {
        epoch,
        effectiveSlot,
        amount: after.lamports - entry.lamports,
        postBalance: after.lamports,
        commission: commissions.get(entry.voteAccount) ?? null,
      });
      paidCount++;
    }
    this.logger?.info({ epoch, effectiveSlot, paidCount }, 'recorded epoch rewards');
  }

  private async readCommission(voteAccount: string): Promise<number | null> {
    const account = await this.readAccount(new PublicKey(voteAccount));
    if (account === null || !account.owner.equals(VoteProgram.programId)) {
      return null;
    }
    return safeDecode(() => decodeVoteState(account.data))?.commission ?? null;
  }
}

function safeDecode<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}
