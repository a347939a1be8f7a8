import {
  ComputeBudgetInstruction,
  PublicKey,
  StakeInstruction,
  SYSVAR_CLOCK_PUBKEY,
  SystemInstruction,
  TransactionInstruction,
} from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import {
  buildAuthorize,
  buildCreateAndDelegate,
  buildDeactivate,
  buildDelegate,
  buildMerge,
  buildReviewModel,
  buildSplit,
  buildWithdraw,
  composeTransaction,
  deriveAddressWithSeed,
  planRedelegation,
  STAKE_PROGRAM_ID,
} from '../../../src/main/stake';
import type { BuiltTransaction } from '../../../src/main/stake';
import {
  address,
  blockhashContext,
  catchWalletError,
  decompile,
  FIGMENT_VOTE,
  FIXED_SEED,
  FIXED_STAKE_ACCOUNT,
  OTHER_VOTE,
  RENT_RESERVE,
  SOL,
  speculos,
} from './fixtures';

const signer = speculos.account0;

function review(built: BuiltTransaction, appVersion: string) {
  return buildReviewModel(built.message.serialize(), { signer: signer.toBase58(), appVersion });
}

function expectLedgerOnlySigner(built: BuiltTransaction): void {
  expect(built.message.header.numRequiredSignatures).toBe(1);
  expect(built.message.accountKeys[0]?.equals(signer)).toBe(true);
}

describe('buildCreateAndDelegate', () => {
  const params = {
    seed: FIXED_SEED,
    voteAccount: FIGMENT_VOTE,
    stakeLamports: SOL,
    rentExemptReserveLamports: RENT_RESERVE,
  };

  it('creates, initializes and delegates the seed-derived account', () => {
    const built = buildCreateAndDelegate(params, blockhashContext('1.9.0'));
    const [create, initialize, delegate] = decompile(built.message);

    expect(built.stakeAccount.equals(FIXED_STAKE_ACCOUNT)).toBe(true);
    expectLedgerOnlySigner(built);
    expect(built.instructions).toHaveLength(3);
    expect(built.sizeBytes).toBe(1 + 64 + built.message.serialize().length);

    const created = SystemInstruction.decodeCreateWithSeed(create!);
    expect(created.fromPubkey.equals(signer)).toBe(true);
    expect(created.basePubkey.equals(signer)).toBe(true);
    expect(created.newAccountPubkey.equals(FIXED_STAKE_ACCOUNT)).toBe(true);
    expect(created.seed).toBe(FIXED_SEED);
    expect(created.lamports).toBe(Number(SOL + RENT_RESERVE));
    expect(created.space).toBe(200);
    expect(created.programId.equals(STAKE_PROGRAM_ID)).toBe(true);

    const init = StakeInstruction.decodeInitialize(initialize!);
    expect(init.stakePubkey.equals(FIXED_STAKE_ACCOUNT)).toBe(true);
    expect(init.authorized.staker.equals(signer)).toBe(true);
    expect(init.authorized.withdrawer.equals(signer)).toBe(true);
    expect(init.lockup?.epoch).toBe(0);
    expect(init.lockup?.unixTimestamp).toBe(0);

    const delegated = StakeInstruction.decodeDelegate(delegate!);
    expect(delegated.stakePubkey.equals(FIXED_STAKE_ACCOUNT)).toBe(true);
    expect(delegated.votePubkey.equals(FIGMENT_VOTE)).toBe(true);
    expect(delegated.authorizedPubkey.equals(signer)).toBe(true);
  });

  it('decodes back to the same actions in the review model', () => {
    const model = review(buildCreateAndDelegate(params, blockhashContext('1.9.0')), '1.9.0');

    expect(model.instructions.map((instruction) => instruction.action.kind)).toEqual([
      'systemCreateAccountWithSeed',
      'stakeInitialize',
      'stakeDelegate',
    ]);
    expect(model.instructions[0]?.action).toMatchObject({
      seed: FIXED_SEED,
      lamports: (SOL + RENT_RESERVE).toString(),
    });
    expect(model.device.outcome).toBe('clearSign');
  });

  it('keeps one compute budget instruction on app 1.9', () => {
    const context = blockhashContext('1.9.0', {
      computeBudget: { unitLimit: 2000, microLamportsPerUnit: 50_000n },
    });
    const built = buildCreateAndDelegate(params, context);
    const first = decompile(built.message)[0]!;

    expect(built.instructions).toHaveLength(4);
    expect(built.omittedComputeBudget).toEqual(['unitLimit']);
    expect(ComputeBudgetInstruction.decodeSetComputeUnitPrice(first).microLamports).toBe(50_000n);
    expect(review(built, '1.9.0').device.outcome).toBe('clearSign');
  });

  it('keeps both compute budget instructions on newer apps', () => {
    const context = blockhashContext('1.10.0', {
      computeBudget: { unitLimit: 2000, microLamportsPerUnit: 50_000n },
    });
    const built = buildCreateAndDelegate(params, context);
    const [limit, price] = decompile(built.message);

    expect(built.instructions).toHaveLength(5);
    expect(built.omittedComputeBudget).toEqual([]);
    expect(ComputeBudgetInstruction.decodeSetComputeUnitLimit(limit!).units).toBe(2000);
    expect(ComputeBudgetInstruction.decodeSetComputeUnitPrice(price!).microLamports).toBe(50_000n);
    expect(review(built, '1.10.0').device.outcome).toBe('clearSign');
    expect(review(built, '1.9.0').device.outcome).toBe('blindSign');
  });

  it('treats an unreadable app version like 1.9', () => {
    const context = blockhashContext('unknown', {
      computeBudget: { unitLimit: 2000, microLamportsPerUnit: 1n },
    });
    expect(buildCreateAndDelegate(params, context).instructions).toHaveLength(4);
  });

  it('puts the nonce advance first and uses the nonce as blockhash', () => {
    const nonceAccount = new PublicKey(address(9));
    const context = blockhashContext('1.9.0', {
      lifetime: {
        kind: 'nonce',
        nonceAccount,
        nonceValue: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
      },
      computeBudget: { unitLimit: 2000, microLamportsPerUnit: 1n },
    });
    const built = buildCreateAndDelegate(params, context);
    const advance = SystemInstruction.decodeNonceAdvance(decompile(built.message)[0]!);

    expect(built.message.recentBlockhash).toBe('9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin');
    expect(advance.noncePubkey.equals(nonceAccount)).toBe(true);
    expect(advance.authorizedPubkey.equals(signer)).toBe(true);
    expect(built.omittedComputeBudget).toEqual(['unitLimit', 'unitPrice']);
    expectLedgerOnlySigner(built);

    const model = review(built, '1.9.0');
    expect(model.durableNonce).toEqual({
      nonceAccount: nonceAccount.toBase58(),
      authority: signer.toBase58(),
    });
    expect(model.device.outcome).toBe('clearSign');
  });
});

describe('single-instruction builders', () => {
  const stakeAccount = new PublicKey(address(3));

  it('delegate matches web3 decoding', () => {
    const built = buildDelegate(
      { stakeAccount, voteAccount: OTHER_VOTE },
      blockhashContext('1.9.0'),
    );
    const decoded = StakeInstruction.decodeDelegate(decompile(built.message)[0]!);

    expectLedgerOnlySigner(built);
    expect(decoded.stakePubkey.equals(stakeAccount)).toBe(true);
    expect(decoded.votePubkey.equals(OTHER_VOTE)).toBe(true);
    expect(review(built, '1.9.0').instructions[0]?.action.kind).toBe('stakeDelegate');
  });

  it('deactivate matches web3 decoding', () => {
    const built = buildDeactivate({ stakeAccount }, blockhashContext('1.9.0'));
    const decoded = StakeInstruction.decodeDeactivate(decompile(built.message)[0]!);

    expectLedgerOnlySigner(built);
    expect(decoded.stakePubkey.equals(stakeAccount)).toBe(true);
    expect(decoded.authorizedPubkey.equals(signer)).toBe(true);
    expect(review(built, '1.9.0').device.outcome).toBe('clearSign');
  });

  it('withdraw matches web3 decoding', () => {
    const built = buildWithdraw(
      { stakeAccount, recipient: speculos.account1, lamports: 3n * SOL },
      blockhashContext('1.9.0'),
    );
    const decoded = StakeInstruction.decodeWithdraw(decompile(built.message)[0]!);

    expectLedgerOnlySigner(built);
    expect(decoded.toPubkey.equals(speculos.account1)).toBe(true);
    expect(decoded.lamports).toBe(Number(3n * SOL));
    expect(decoded.authorizedPubkey.equals(signer)).toBe(true);
    expect(decoded.custodianPubkey).toBeUndefined();
  });

  it('withdraw encodes amounts above 2^53 exactly', () => {
    const lamports = 2n ** 60n + 1n;
    const built = buildWithdraw(
      { stakeAccount, recipient: speculos.account1, lamports },
      blockhashContext('1.9.0'),
    );
    expect(review(built, '1.9.0').instructions[0]?.action).toMatchObject({
      kind: 'stakeWithdraw',
      lamports: lamports.toString(),
    });
  });

  it('merge matches web3 decoding', () => {
    const source = new PublicKey(address(4));
    const built = buildMerge({ destination: stakeAccount, source }, blockhashContext('1.9.0'));
    const decoded = StakeInstruction.decodeMerge(decompile(built.message)[0]!);

    expectLedgerOnlySigner(built);
    expect(decoded.stakePubkey.equals(stakeAccount)).toBe(true);
    expect(decoded.sourceStakePubKey.equals(source)).toBe(true);
    expect(decoded.authorizedPubkey.equals(signer)).toBe(true);
  });
});

describe('buildSplit', () => {
  const source = new PublicKey(address(5));
  const destination = deriveAddressWithSeed(signer, 'stake:7', STAKE_PROGRAM_ID);

  it('prefunds first, then allocates with seed, then splits', () => {
    const built = buildSplit(
      { stakeAccount: source, seed: 'stake:7', lamports: 2n * SOL, prefundLamports: RENT_RESERVE },
      blockhashContext('1.9.0'),
    );
    const [transfer, allocate, split] = decompile(built.message);

    expectLedgerOnlySigner(built);
    expect(built.destination.equals(destination)).toBe(true);

    const funded = SystemInstruction.decodeTransfer(transfer!);
    expect(funded.toPubkey.equals(destination)).toBe(true);
    expect(funded.lamports).toBe(RENT_RESERVE);

    const allocated = SystemInstruction.decodeAllocateWithSeed(allocate!);
    expect(allocated.accountPubkey.equals(destination)).toBe(true);
    expect(allocated.basePubkey.equals(signer)).toBe(true);
    expect(allocated.seed).toBe('stake:7');
    expect(allocated.space).toBe(200);
    expect(allocated.programId.equals(STAKE_PROGRAM_ID)).toBe(true);

    const splitDecoded = StakeInstruction.decodeSplit(split!);
    expect(splitDecoded.stakePubkey.equals(source)).toBe(true);
    expect(splitDecoded.splitStakePubkey.equals(destination)).toBe(true);
    expect(splitDecoded.lamports).toBe(Number(2n * SOL));

    expect(review(built, '1.9.0').device.outcome).toBe('clearSign');
    expect(review(built, '1.12.0').device.outcome).toBe('clearSign');
  });

  it('leaves out the transfer when nothing needs prefunding', () => {
    const built = buildSplit(
      { stakeAccount: source, seed: 'stake:7', lamports: 2n * SOL, prefundLamports: 0n },
      blockhashContext('1.9.0'),
    );
    expect(
      review(built, '1.9.0').instructions.map((instruction) => instruction.action.kind),
    ).toEqual(['systemAllocateWithSeed', 'stakeSplit']);
  });
});

describe('buildAuthorize', () => {
  const stakeAccount = new PublicKey(address(6));

  it('orders staker before withdrawer and keeps the clock read-only', () => {
    const built = buildAuthorize(
      {
        stakeAccount,
        changes: [
          { authorityType: 'withdrawer', newAuthority: speculos.account1 },
          { authorityType: 'staker', newAuthority: speculos.account1 },
        ],
      },
      blockhashContext('1.9.0'),
    );
    const [first, second] = decompile(built.message);

    expectLedgerOnlySigner(built);
    expect(StakeInstruction.decodeAuthorize(first!).stakeAuthorizationType.index).toBe(0);
    expect(StakeInstruction.decodeAuthorize(second!).stakeAuthorizationType.index).toBe(1);
    expect(
      StakeInstruction.decodeAuthorize(second!).newAuthorizedPubkey.equals(speculos.account1),
    ).toBe(true);

    const clockIndex = built.message.accountKeys.findIndex((key) =>
      key.equals(SYSVAR_CLOCK_PUBKEY),
    );
    expect(built.message.isAccountWritable(clockIndex)).toBe(false);
    expect(review(built, '1.9.0').device.outcome).toBe('clearSign');
  });

  it('makes the new authority a signer in the checked form', () => {
    const built = buildAuthorize(
      {
        stakeAccount,
        changes: [{ authorityType: 'staker', newAuthority: speculos.account1 }],
        checked: true,
      },
      blockhashContext('1.9.0'),
    );
    const model = review(built, '1.9.0');

    expect(built.message.header.numRequiredSignatures).toBe(2);
    expect(model.requiredSigners).toEqual([signer.toBase58(), speculos.account1.toBase58()]);
    expect(model.instructions[0]?.action).toMatchObject({
      kind: 'stakeAuthorizeChecked',
      authorityType: 'staker',
      newAuthority: speculos.account1.toBase58(),
    });
  });
});

describe('planRedelegation', () => {
  it('deactivates now and delegates from the next epoch', () => {
    const stakeAccount = new PublicKey(address(7));
    const plan = planRedelegation(
      { stakeAccount, newVoteAccount: OTHER_VOTE, currentEpoch: 500n },
      blockhashContext('1.9.0'),
    );

    expect(
      StakeInstruction.decodeDeactivate(decompile(plan.deactivate.message)[0]!).stakePubkey.equals(
        stakeAccount,
      ),
    ).toBe(true);
    expect(plan.delegateLater.earliestEpoch).toBe(501n);
    expect(plan.delegateLater.voteAccount.equals(OTHER_VOTE)).toBe(true);
  });
});

describe('composeTransaction', () => {
  it('rejects an operation over the device limit', () => {
    const withdraws = Array.from(
      { length: 5 },
      (_, index) =>
        buildWithdraw(
          { stakeAccount: new PublicKey(address(20 + index)), recipient: signer, lamports: 1n },
          blockhashContext('1.9.0'),
        ).instructions[0]!,
    );
    const error = catchWalletError(() => composeTransaction(withdraws, blockhashContext('1.9.0')));
    expect(error.code).toBe('TRANSACTION_NOT_CLEAR_SIGNABLE');
    expect(composeTransaction(withdraws, blockhashContext('1.11.0')).instructions).toHaveLength(5);
  });

  it('rejects a transaction over 1232 bytes', () => {
    const memo = new TransactionInstruction({
      programId: new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'),
      keys: [],
      data: Buffer.alloc(300, 0x61),
    });
    const error = catchWalletError(() =>
      composeTransaction([memo, memo, memo, memo], blockhashContext('1.9.0')),
    );
    expect(error.code).toBe('TRANSACTION_TOO_LARGE');
    expect(error.context).toMatchObject({ maxBytes: 1232 });
    expect(
      composeTransaction([memo, memo, memo], blockhashContext('1.9.0')).sizeBytes,
    ).toBeLessThanOrEqual(1232);
  });
});
