import { type Keypair, PublicKey, StakeProgram, SystemProgram, VoteProgram } from '@solana/web3.js';
import type { Logger } from 'pino';

import {
  BOOTSTRAP_ACTIVATION_EPOCH,
  decodeStakeState,
  encodeDelegatedStake,
  NOT_DEACTIVATED_EPOCH,
  STAKE_STATE_SIZE,
} from '../codec/stakeState';
import { encodeValidatorInfo, VALIDATOR_INFO_ACCOUNT_SIZE } from '../codec/validatorInfo';
import {
  decodeVoteState,
  emptyPriorVoters,
  encodeVoteState,
  VOTE_STATE_SIZE,
  type VoteState,
} from '../codec/voteState';
import type { ChainHooks, LocalChainService, RawAccount } from '../chain/localChain';
import { deriveValidatorKeys, type ValidatorKeys } from './validatorKeys';
import { type ValidatorProfile } from './validatorProfiles';
import { recordVotesUpTo } from './voteActivity';

const LAMPORTS_PER_SOL = 1_000_000_000n;

/** Balance given to each seeded validator identity, which pays its vote fees on a cluster. */
const IDENTITY_BALANCE = 100n * LAMPORTS_PER_SOL;

const CONFIG_PROGRAM_ID = new PublicKey('Config1111111111111111111111111111111111111');

/** Bootstrap validator of the bankrun genesis, treated as a live validator without info. */
const BOOTSTRAP_CREDITS_PER_SLOT = 12n;
const BOOTSTRAP_SKIPPED_PER_MILLE = 20;

/**
 * Stake left on the bootstrap validator. Genesis gives it 1M SOL, and the rest goes to the
 * faucet, which would otherwise hold too little to fund large test wallets.
 */
const BOOTSTRAP_STAKE = 100_000n * LAMPORTS_PER_SOL;

/** A validator the local chain keeps voting for. */
export interface NetworkValidator {
  name: string | null;
  identity: PublicKey;
  voteAccount: PublicKey;
  creditsPerSlot: bigint;
  skippedPerMille: number;
  stopsVotingInEpoch: bigint | null;
  /** Keys of a seeded validator, or null for the bootstrap validator, whose keys bankrun keeps. */
  keys: ValidatorKeys | null;
}

/**
 * Seeds validators with vote accounts, delegated stake and validator info, and keeps their
 * vote accounts current as slots pass: recent votes, a root, and epoch credits that make
 * the runtime pay rewards at each epoch boundary.
 */
export class ValidatorNetworkService implements ChainHooks {
  private readonly members: NetworkValidator[] = [];

  constructor(
    private readonly chain: LocalChainService,
    private readonly logger?: Logger,
  ) {}

  get validators(): readonly NetworkValidator[] {
    return this.members;
  }

  async seed(profiles: readonly ValidatorProfile[]): Promise<void> {
    await this.adoptBootstrapValidator();
    for (const profile of profiles) {
      await this.seedValidator(profile);
    }
    await this.afterAdvance(await this.chain.slot());
    this.logger?.info({ validatorCount: this.members.length }, 'seeded local validators');
  }

  /** Overwrites the commission of a vote account, as an UpdateCommission would. */
  async setCommission(voteAccount: PublicKey, commission: number): Promise<void> {
    if (!Number.isInteger(commission) || commission < 0 || commission > 100) {
      throw new RangeError(`commission must be an integer from 0 to 100, got ${commission}`);
    }
    await this.updateVoteState(voteAccount, (state) => ({ ...state, commission }));
    this.logger?.info({ voteAccount: voteAccount.toBase58(), commission }, 'changed commission');
  }

  async beforeEpochEnds(epoch: bigint): Promise<void> {
    const lastSlot = this.chain.firstSlotOf(epoch + 1n) - 1n;
    await this.recordVotes(lastSlot + 1n);
  }

  async afterAdvance(slot: bigint): Promise<void> {
    await this.recordVotes(slot);
  }

  /** Writes votes for every live validator as if each had voted up to the slot before `slot`. */
  private async recordVotes(slot: bigint): Promise<void> {
    const votedSlot = slot > 0n ? slot - 1n : 0n;
    const epoch = this.chain.epochOf(votedSlot);
    const position = {
      slot,
      epoch,
      slotIndex: votedSlot - this.chain.firstSlotOf(epoch),
      unixTimestamp: this.chain.timeOfSlot(votedSlot),
    };
    for (const member of this.members) {
      if (member.stopsVotingInEpoch !== null && epoch >= member.stopsVotingInEpoch) {
        continue;
      }
      await this.updateVoteState(member.voteAccount, (state) =>
        recordVotesUpTo(state, position, member.creditsPerSlot),
      );
    }
  }

  private async updateVoteState(
    voteAccount: PublicKey,
    change: (state: VoteState) => VoteState,
  ): Promise<void> {
    const account = await this.chain.readAccount(voteAccount);
    if (account === null || !account.owner.equals(VoteProgram.programId)) {
      throw new Error(`${voteAccount.toBase58()} is not a vote account`);
    }
    const state = change(decodeVoteState(account.data));
    await this.chain.writeAccount(voteAccount, { ...account, data: encodeVoteState(state) });
  }

  private async adoptBootstrapValidator(): Promise<void> {
    for (const key of this.chain.accounts.all()) {
      const account = await this.chain.readAccount(key);
      if (account === null) {
        continue;
      }
      if (account.owner.equals(StakeProgram.programId)) {
        await this.shrinkGenesisStake(key, account);
        continue;
      }
      if (!account.owner.equals(VoteProgram.programId)) {
        continue;
      }
      const state = decodeVoteState(account.data);
      this.members.push({
        name: null,
        identity: state.nodePubkey,
        voteAccount: key,
        creditsPerSlot: BOOTSTRAP_CREDITS_PER_SLOT,
        skippedPerMille: BOOTSTRAP_SKIPPED_PER_MILLE,
        stopsVotingInEpoch: null,
        keys: null,
      });
    }
  }

  /** Cuts a genesis stake account down to BOOTSTRAP_STAKE and gives the difference to the payer. */
  private async shrinkGenesisStake(key: PublicKey, account: RawAccount): Promise<void> {
    const state = decodeStakeState(account.data);
    if (state.kind !== 'stake' || state.delegation.stake <= BOOTSTRAP_STAKE) {
      return;
    }
    await this.chain.writeAccount(key, {
      ...account,
      lamports: state.meta.rentExemptReserve + BOOTSTRAP_STAKE,
      data: encodeDelegatedStake(
        state.meta,
        { ...state.delegation, stake: BOOTSTRAP_STAKE },
        state.creditsObserved,
      ),
    });
  }

  private async seedValidator(profile: ValidatorProfile): Promise<void> {
    const keys = deriveValidatorKeys(profile.slug, profile.stakesSol.length);
    const rent = await this.chain.banks.getRent();

    await this.chain.writeAccount(keys.identity.publicKey, {
      lamports: IDENTITY_BALANCE,
      data: new Uint8Array(0),
      owner: SystemProgram.programId,
      executable: false,
    });

    const voteState: VoteState = {
      nodePubkey: keys.identity.publicKey,
      authorizedWithdrawer: keys.voteWithdrawer.publicKey,
      commission: profile.commission,
      votes: [],
      rootSlot: null,
      authorizedVoters: [{ epoch: 0n, voter: keys.identity.publicKey }],
      priorVoters: emptyPriorVoters(),
      epochCredits: [],
      lastTimestamp: { slot: 0n, timestamp: 0n },
    };
    await this.chain.writeAccount(keys.voteAccount.publicKey, {
      lamports: rent.minimumBalance(BigInt(VOTE_STATE_SIZE)),
      data: encodeVoteState(voteState),
      owner: VoteProgram.programId,
      executable: false,
    });

    const reserve = rent.minimumBalance(BigInt(STAKE_STATE_SIZE));
    for (const [index, stakeSol] of profile.stakesSol.entries()) {
      const stakeAccount = keys.stakeAccounts[index];
      if (stakeAccount !== undefined) {
        await this.seedStakeAccount(
          stakeAccount,
          keys,
          BigInt(stakeSol) * LAMPORTS_PER_SOL,
          reserve,
        );
      }
    }

    await this.chain.writeAccount(keys.info.publicKey, {
      lamports: rent.minimumBalance(BigInt(VALIDATOR_INFO_ACCOUNT_SIZE)),
      data: encodeValidatorInfo(keys.identity.publicKey, profile.info),
      owner: CONFIG_PROGRAM_ID,
      executable: false,
    });

    this.members.push({
      name: profile.info.name,
      identity: keys.identity.publicKey,
      voteAccount: keys.voteAccount.publicKey,
      creditsPerSlot: profile.creditsPerSlot,
      skippedPerMille: profile.skippedPerMille,
      stopsVotingInEpoch: profile.stopsVotingInEpoch,
      keys,
    });
  }

  /**
   * Writes a stake account delegated with activation epoch `u64::MAX`, the form genesis
   * stake takes, so the runtime treats it as fully active from the start.
   */
  private async seedStakeAccount(
    stakeAccount: Keypair,
    keys: ValidatorKeys,
    stake: bigint,
    rentExemptReserve: bigint,
  ): Promise<void> {
    const data = encodeDelegatedStake(
      {
        rentExemptReserve,
        staker: keys.stakeAuthority.publicKey,
        withdrawer: keys.stakeAuthority.publicKey,
        lockup: { unixTimestamp: 0n, epoch: 0n, custodian: PublicKey.default },
      },
      {
        voter: keys.voteAccount.publicKey,
        stake,
        activationEpoch: BOOTSTRAP_ACTIVATION_EPOCH,
        deactivationEpoch: NOT_DEACTIVATED_EPOCH,
      },
      0n,
    );
    await this.chain.writeAccount(stakeAccount.publicKey, {
      lamports: rentExemptReserve + stake,
      data,
      owner: StakeProgram.programId,
      executable: false,
    });
  }
}
