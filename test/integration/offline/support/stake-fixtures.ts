import { NonceAccount, PublicKey, VersionedTransaction } from '@solana/web3.js';
import pino from 'pino';
import { expect } from 'vitest';

import { createChainHandlers } from '../../../../src/main/api/chain-handlers';
import { decodeStakeState, type StakeState } from '../../../../src/main/chain';
import { ChainHub } from '../../../../src/main/chain-hub';
import {
  buildCreateAndDelegate,
  buildDeactivate,
  buildWithdraw,
  chooseStakeSeed,
} from '../../../../src/main/stake';
import type { PreparedNonceTransaction } from '../../../../src/shared/contract/offline';
import type { Localnet } from '../../../support/localnet';
import { connectTo, SIGNER_PATH, type OfflineMachine } from './offline-harness';

const silent = pino({ level: 'silent' });

/** Chain set-up and read-back for the nonce stake tests, on one machine and one local node. */
export class StakeFixtures {
  constructor(
    private readonly localnet: Localnet,
    private readonly machine: OfflineMachine,
  ) {}

  /** Creates a nonce account through the queue, reads it, and returns its address. */
  async createNonceAccount(): Promise<string> {
    const before = await this.machine.call('listNonceAccounts', { refresh: false });
    const prepared = await this.machine.call('prepareNonceAccount', {
      authority: this.machine.signer,
    });
    const review = await this.machine.call('reviewPendingTransaction', { id: prepared.item.id });
    await this.machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: review.reviewId,
    });
    await this.machine.call('sendPendingTransaction', { id: prepared.item.id });
    const list = await this.machine.call('listNonceAccounts', { refresh: true });
    const account = list.accounts.find(
      (entry) => !before.accounts.some((known) => known.address === entry.address),
    );
    if (account === undefined) {
      throw new Error('no nonce account after creating one');
    }
    return account.address;
  }

  /**
   * Creates and delegates a stake account whose staker and withdrawer are the Ledger key,
   * outside the app, with a random seed so several can exist.
   */
  async createStakeAccount(lamports: bigint, validatorIndex = 0): Promise<string> {
    const connection = connectTo(this.localnet.url);
    const signer = new PublicKey(this.machine.signer);
    const latest = await connection.getLatestBlockhash('confirmed');
    const built = buildCreateAndDelegate(
      {
        seed: chooseStakeSeed({ base: signer, scheme: 'random' }).seed,
        voteAccount: this.localnet.validators[validatorIndex]!.voteAccount,
        stakeLamports: lamports,
        rentExemptReserveLamports: BigInt(await connection.getMinimumBalanceForRentExemption(200)),
      },
      { signer, lifetime: { kind: 'blockhash', blockhash: latest.blockhash }, appVersion: '1.9.0' },
    );
    await this.sendOutsideApp(built.message);
    return built.stakeAccount.toBase58();
  }

  /** Deactivates a stake account outside the app and waits out the cooldown. */
  async deactivateAndCoolDown(stakeAccount: string): Promise<void> {
    const connection = connectTo(this.localnet.url);
    const latest = await connection.getLatestBlockhash('confirmed');
    const built = buildDeactivate(
      { stakeAccount: new PublicKey(stakeAccount) },
      {
        signer: new PublicKey(this.machine.signer),
        lifetime: { kind: 'blockhash', blockhash: latest.blockhash },
        appVersion: '1.9.0',
      },
    );
    await this.sendOutsideApp(built.message);
    await this.localnet.advanceEpochs(2);
  }

  /** Withdraws lamports from a stake account to the Ledger key outside the app. */
  async withdrawOutsideApp(stakeAccount: string, lamports: bigint): Promise<void> {
    const connection = connectTo(this.localnet.url);
    const latest = await connection.getLatestBlockhash('confirmed');
    const signer = new PublicKey(this.machine.signer);
    const built = buildWithdraw(
      { stakeAccount: new PublicKey(stakeAccount), recipient: signer, lamports },
      { signer, lifetime: { kind: 'blockhash', blockhash: latest.blockhash }, appVersion: '1.9.0' },
    );
    await this.sendOutsideApp(built.message);
  }

  /** Saves the portfolio the way the Stake accounts page does, so offline checks have data. */
  async savePortfolio(): Promise<void> {
    const state = await this.chainHandlers().refreshPortfolio(
      { rewardEpochs: 1 },
      { signal: new AbortController().signal },
    );
    expect(state.lastRefresh.kind).toBe('succeeded');
  }

  /** Saves the validator list the way the Validators page does. */
  async saveValidators(): Promise<void> {
    const state = await this.chainHandlers().listValidators(
      { refresh: true },
      { signal: new AbortController().signal },
    );
    expect(state.lastRefresh.kind).toBe('succeeded');
  }

  /** Signs a prepared nonce transaction, fails to send it offline, and sends it once back. */
  async signOfflineAndSendLater(prepared: PreparedNonceTransaction): Promise<void> {
    const signed = await this.machine.call('signPendingTransaction', {
      id: prepared.item.id,
      reviewId: prepared.review.reviewId,
    });
    expect(signed.status.kind).toBe('signed');
    const offlineSend = await this.machine.failureOf('sendPendingTransaction', {
      id: prepared.item.id,
    });
    expect(offlineSend.code).toBe('NETWORK_REQUIRED');

    this.localnet.setServingMode({ kind: 'serving' });
    const sent = await this.machine.call('sendPendingTransaction', { id: prepared.item.id });
    expect(sent.status.kind).toBe('confirmed');
  }

  /** Returns the decoded stake state, or null when the account no longer exists. */
  async stakeStateOf(stakeAccount: string): Promise<StakeState | null> {
    const info = await connectTo(this.localnet.url).getAccountInfo(new PublicKey(stakeAccount));
    return info === null ? null : decodeStakeState(info.data, stakeAccount);
  }

  async lamportsOf(address: string): Promise<bigint> {
    return BigInt(await connectTo(this.localnet.url).getBalance(new PublicKey(address)));
  }

  async nonceValueOf(nonceAccount: string): Promise<string> {
    const info = await connectTo(this.localnet.url).getAccountInfo(new PublicKey(nonceAccount));
    return NonceAccount.fromAccountData(info!.data).nonce;
  }

  private chainHandlers() {
    return createChainHandlers({
      bus: this.machine.bus,
      store: this.machine.store,
      settings: this.machine.settings,
      chainHub: new ChainHub(this.machine.settings, silent),
      logger: silent,
    });
  }

  private async sendOutsideApp(message: VersionedTransaction['message']): Promise<void> {
    const connection = connectTo(this.localnet.url);
    const transaction = new VersionedTransaction(message);
    const signed = await this.machine.ledger.signMessage({
      path: SIGNER_PATH,
      message: message.serialize(),
      expectedSigner: this.machine.signer,
    });
    transaction.addSignature(new PublicKey(this.machine.signer), signed.signature);
    const signature = await connection.sendRawTransaction(transaction.serialize());
    // The local node has no WebSocket, so the status is polled instead of confirmTransaction.
    await expect
      .poll(async () => (await connection.getSignatureStatus(signature)).value?.confirmationStatus)
      .toMatch(/confirmed|finalized/);
  }
}
