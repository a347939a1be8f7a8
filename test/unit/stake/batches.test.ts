import { PublicKey, StakeInstruction, TransactionInstruction } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import {
  batchInstructionGroups,
  buildReviewModel,
  buildStakeAcrossValidators,
  buildWithdrawBatches,
  MAX_TRANSACTION_BYTES,
} from '../../../src/main/stake';
import type { Batch } from '../../../src/main/stake';
import {
  address,
  blockhashContext,
  catchWalletError,
  CHORUS_ONE_VOTE,
  decompile,
  FIGMENT_VOTE,
  OTHER_VOTE,
  RENT_RESERVE,
  SOL,
  speculos,
} from './fixtures';

const signer = speculos.account0;
const MEMO_PROGRAM = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');

function withdrawals(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    stakeAccount: new PublicKey(address(100 + index)),
    lamports: SOL + BigInt(index),
  }));
}

function allGroupIndexes(batches: Batch[]): number[] {
  return batches.flatMap((batch) => batch.groupIndexes);
}

function deviceOutcome(batch: Batch, appVersion: string): string {
  return buildReviewModel(batch.built.message.serialize(), {
    signer: signer.toBase58(),
    appVersion,
  }).device.outcome;
}

describe('buildWithdrawBatches', () => {
  it('gives each of 12 withdrawals its own clear-signed transaction', () => {
    const batches = buildWithdrawBatches(withdrawals(12), signer, blockhashContext('1.9.0'));

    expect(batches).toHaveLength(12);
    expect(allGroupIndexes(batches)).toEqual([...Array(12).keys()]);
    for (const batch of batches) {
      expect(batch.built.sizeBytes).toBeLessThanOrEqual(MAX_TRANSACTION_BYTES);
      expect(deviceOutcome(batch, '1.9.0')).toBe('clearSign');
    }
  });

  it('keeps every withdrawal intact, one per account', () => {
    const requested = withdrawals(12);
    const batches = buildWithdrawBatches(requested, signer, blockhashContext('1.9.0'));
    const decoded = batches.flatMap((batch) =>
      decompile(batch.built.message).map((instruction) =>
        StakeInstruction.decodeWithdraw(instruction),
      ),
    );

    expect(decoded.map((withdraw) => withdraw.stakePubkey.toBase58())).toEqual(
      requested.map((request) => request.stakeAccount.toBase58()),
    );
    expect(decoded.map((withdraw) => BigInt(withdraw.lamports))).toEqual(
      requested.map((request) => request.lamports),
    );
  });

  it('packs withdrawals up to the instruction limit when blind signing is accepted', () => {
    const oldApp = buildWithdrawBatches(withdrawals(12), signer, blockhashContext('1.9.0'), {
      clearSign: false,
    });
    const newApp = buildWithdrawBatches(withdrawals(12), signer, blockhashContext('1.14.0'), {
      clearSign: false,
    });

    expect(oldApp.map((batch) => batch.groupIndexes.length)).toEqual([4, 4, 4]);
    expect(newApp.map((batch) => batch.groupIndexes.length)).toEqual([6, 6]);
    expect(deviceOutcome(oldApp[0]!, '1.9.0')).toBe('blindSign');
  });

  it('keeps the compute budget and both limits in every batch', () => {
    const context = blockhashContext('1.14.0', {
      computeBudget: { unitLimit: 10_000, microLamportsPerUnit: 1n },
    });
    const batches = buildWithdrawBatches(withdrawals(12), new PublicKey(address(250)), context, {
      clearSign: false,
    });

    expect(allGroupIndexes(batches)).toEqual([...Array(12).keys()]);
    for (const batch of batches) {
      expect(batch.built.sizeBytes).toBeLessThanOrEqual(MAX_TRANSACTION_BYTES);
      expect(batch.built.instructions.length).toBeLessThanOrEqual(6);
      expect(batch.built.omittedComputeBudget).toEqual([]);
    }
  });

  it('starts a new transaction when the next group would pass 1232 bytes', () => {
    const memo = new TransactionInstruction({
      programId: MEMO_PROGRAM,
      keys: [],
      data: Buffer.alloc(500, 0x62),
    });
    const batches = batchInstructionGroups(
      [[memo], [memo], [memo], [memo], [memo]],
      blockhashContext('1.14.0'),
      { clearSign: false },
    );

    expect(batches.map((batch) => batch.groupIndexes)).toEqual([[0, 1], [2, 3], [4]]);
    for (const batch of batches) {
      expect(batch.built.sizeBytes).toBeLessThanOrEqual(MAX_TRANSACTION_BYTES);
    }
  });

  it('rejects an empty batch', () => {
    const error = catchWalletError(() =>
      buildWithdrawBatches([], signer, blockhashContext('1.9.0')),
    );
    expect(error.code).toBe('BATCH_EMPTY');
  });
});

describe('buildStakeAcrossValidators', () => {
  const allocations = [
    { voteAccount: FIGMENT_VOTE, stakeLamports: 2n * SOL },
    { voteAccount: CHORUS_ONE_VOTE, stakeLamports: 3n * SOL },
    { voteAccount: OTHER_VOTE, stakeLamports: 5n * SOL },
  ];

  it('uses one transaction per validator on 1.9', () => {
    const result = buildStakeAcrossValidators(
      {
        allocations,
        rentExemptReserveLamports: RENT_RESERVE,
        seedSearch: { takenSeeds: ['stake:0'] },
      },
      blockhashContext('1.9.0', { computeBudget: { unitLimit: 5000, microLamportsPerUnit: 10n } }),
    );

    expect(result.batches).toHaveLength(3);
    expect(result.stakeAccounts.map((account) => account.seed)).toEqual([
      'stake:1',
      'stake:2',
      'stake:3',
    ]);
    expect(
      new Set(result.stakeAccounts.map((account) => account.stakeAccount.toBase58())).size,
    ).toBe(3);
    for (const batch of result.batches) {
      expect(batch.built.instructions).toHaveLength(4);
      expect(batch.built.omittedComputeBudget).toEqual(['unitLimit']);
      expect(deviceOutcome(batch, '1.9.0')).toBe('clearSign');
    }
  });

  it('keeps both compute budget instructions on the current line', () => {
    const result = buildStakeAcrossValidators(
      { allocations, rentExemptReserveLamports: RENT_RESERVE, seedSearch: {} },
      blockhashContext('1.15.0', { computeBudget: { unitLimit: 5000, microLamportsPerUnit: 10n } }),
    );

    expect(result.batches).toHaveLength(3);
    for (const batch of result.batches) {
      expect(batch.built.instructions).toHaveLength(5);
      expect(deviceOutcome(batch, '1.15.0')).toBe('clearSign');
    }
  });

  it('packs two groups when blind signing', () => {
    const result = buildStakeAcrossValidators(
      { allocations, rentExemptReserveLamports: RENT_RESERVE, seedSearch: {} },
      blockhashContext('1.15.0'),
      { clearSign: false },
    );
    expect(result.batches.map((batch) => batch.groupIndexes)).toEqual([[0, 1], [2]]);
  });
});
