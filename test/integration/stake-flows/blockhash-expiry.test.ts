import { VersionedMessage, VersionedTransaction } from '@solana/web3.js';
import { afterEach, describe, expect, it } from 'vitest';

import type { StakeDraft } from '../../../src/shared/contract/stake';
import { isWalletError } from '../../../src/shared/errors';
import {
  parseDerivationPath,
  Slip10Keyring,
  SPECULOS_MNEMONIC,
} from '../../support/ledger-emulator';
import {
  approveAndLand,
  SIGNER_PATH,
  SOL,
  startFlowHarness,
  type FlowHarness,
} from './flow-harness';

let harness: FlowHarness;

afterEach(async () => {
  await harness.close();
});

function prepareStake(): Promise<StakeDraft> {
  return harness.flows.prepare({
    operation: 'createStake',
    input: {
      account: harness.signer,
      voteAccount: harness.voteAccount(0),
      amount: { unit: 'sol', value: '2' },
    },
  });
}

/** Broadcasts the draft signed with the device's own key, as another copy of the app would. */
async function broadcastElsewhere(draft: StakeDraft): Promise<string> {
  const messageBytes = Buffer.from(draft.messageBase64, 'base64');
  const signature = new Slip10Keyring(SPECULOS_MNEMONIC).sign(
    parseDerivationPath(SIGNER_PATH),
    messageBytes,
  );
  const transaction = new VersionedTransaction(VersionedMessage.deserialize(messageBytes), [
    signature,
  ]);
  return harness.chain.createConnection().sendRawTransaction(transaction.serialize());
}

describe('blockhash expiry while the person confirms', () => {
  it('reports expired, sends nothing, rebuilds only on request', async () => {
    harness = await startFlowHarness();
    const draft = await prepareStake();
    const stakeAccount = draft.newStakeAccounts[0] ?? '';

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await harness.waitForDeviceRequest();
    await harness.localnet.expireBlockhashes();
    harness.emulator.approve();
    const outcome = await sending;

    expect(outcome.outcome).toBe('expired');
    expect(await harness.readStakeAccount(stakeAccount)).toBeNull();
    expect(await harness.balanceOf(harness.signer)).toBe(10n * SOL);
    expect(harness.progress.map((event) => event.stage)).toEqual([
      'requested',
      'awaiting-person',
      'signed',
      'expired',
    ]);
    expect(harness.validity.some((event) => event.draftId === draft.draftId)).toBe(true);
    expect(harness.validity.at(-1)?.blocksRemaining).toBeLessThan(0);
    expect(harness.store.pending.list().map((record) => record.status.kind)).toEqual(['expired']);

    const again = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await expect(again).rejects.toMatchObject({ code: 'STAKE_DRAFT_STATE_INVALID' });
    expect(harness.emulator.currentRequest).toBeNull();

    const rebuilt = await harness.flows.rebuildExpired(draft.draftId);
    expect(rebuilt.replaces).toBe(draft.draftId);
    expect(rebuilt.intentId).toBe(draft.intentId);
    expect(rebuilt.review.recentBlockhash).not.toBe(draft.review.recentBlockhash);
    expect((await harness.flows.rebuildExpired(draft.draftId)).draftId).toBe(rebuilt.draftId);

    await approveAndLand(harness, rebuilt);
    const view = await harness.readStakeAccount(rebuilt.newStakeAccounts[0] ?? '');
    expect(view?.state).toBe('activating');
  });

  it('reports a transaction that landed anyway as landed', async () => {
    harness = await startFlowHarness();
    const draft = await prepareStake();

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await harness.waitForDeviceRequest();
    const signature = await broadcastElsewhere(draft);
    await harness.localnet.expireBlockhashes();
    harness.emulator.approve();
    const outcome = await sending;

    expect(outcome).toMatchObject({ outcome: 'landed', signature });
    expect(harness.progress.map((event) => event.stage)).not.toContain('expired');
    expect((await harness.readStakeAccount(draft.newStakeAccounts[0] ?? ''))?.voter).toBe(
      harness.voteAccount(0),
    );
    expect(harness.store.pending.list().map((record) => record.status.kind)).toEqual(['finalized']);
    const rebuild = harness.flows.rebuildExpired(draft.draftId);
    await expect(rebuild).rejects.toMatchObject({ code: 'STAKE_DRAFT_STATE_INVALID' });
  });

  it('waits out a node that forgot the blockhash early', async () => {
    harness = await startFlowHarness();
    const draft = await prepareStake();

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await harness.waitForDeviceRequest();
    // The node's bank drops the blockhash after 137 blocks, before the last valid block
    // height (150 blocks), so the send fails while the transaction could still land.
    harness.localnet.setAcceptedBlockhashAge(137);
    await harness.localnet.advanceSlots(140);
    harness.emulator.approve();
    await harness.waitForProgress((event) => event.stage === 'signed');
    const seen = harness.validity.length;
    const waiting = await harness.waitForValidity(seen);
    expect(waiting.blocksRemaining).toBeGreaterThan(0);
    expect(harness.progress.map((event) => event.stage)).not.toContain('expired');

    await harness.localnet.advanceSlots(waiting.blocksRemaining + 1);
    const outcome = await sending;
    expect(outcome.outcome).toBe('expired');
    expect(harness.progress.map((event) => event.stage)).not.toContain('sent');
  });

  it('refuses a draft that expired before signing', async () => {
    harness = await startFlowHarness();
    const draft = await prepareStake();
    await harness.localnet.expireBlockhashes();

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await expect(sending).rejects.toMatchObject({ code: 'STAKE_DRAFT_EXPIRED' });
    expect(harness.emulator.currentRequest).toBeNull();

    const rebuilt = await harness.flows.rebuildExpired(draft.draftId);
    // Nothing was signed, so the address the expired draft would have created is free again.
    expect(rebuilt.newStakeAccounts).toEqual(draft.newStakeAccounts);
    await approveAndLand(harness, rebuilt);
  });
});

describe('network lost after the signature', () => {
  it('keeps the signed stake and sends it later', async () => {
    harness = await startFlowHarness();
    const draft = await prepareStake();

    const sending = harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    await harness.waitForDeviceRequest();
    harness.localnet.setServingMode({ kind: 'offline' });
    harness.emulator.approve();
    const error: unknown = await sending.catch((caught: unknown) => caught);
    expect(isWalletError(error)).toBe(true);
    expect(isWalletError(error) ? error.code : '').toMatch(/^RPC_/);

    const failed = harness.progress.find((event) => event.stage === 'failed');
    expect(failed).toMatchObject({ stage: 'failed', canResend: true });
    expect(harness.store.pending.list().map((record) => record.status.kind)).toEqual(['signed']);

    harness.localnet.setServingMode({ kind: 'serving' });
    const outcome = await harness.flows.signAndSend(draft.draftId, new AbortController().signal);
    expect(outcome.outcome).toBe('landed');
    expect(harness.emulator.currentRequest).toBeNull();
  });
});
