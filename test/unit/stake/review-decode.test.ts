import {
  ComputeBudgetProgram,
  Keypair,
  PublicKey,
  StakeAuthorizationLayout,
  StakeProgram,
  SystemProgram,
  SYSVAR_CLOCK_PUBKEY,
  SYSVAR_RENT_PUBKEY,
  SYSVAR_STAKE_HISTORY_PUBKEY,
  TransactionInstruction,
  TransactionMessage,
  Lockup,
  Authorized,
} from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import { buildReviewModel } from '../../../src/main/stake';
import type { ReviewAction } from '../../../src/shared/domain/stake';
import { reviewModelSchema } from '../../../src/shared/domain/stake';
import { address, BLOCKHASH, FIGMENT_VOTE, OTHER_VOTE, SOL, speculos } from './fixtures';

const signer = speculos.account0;
const other = speculos.account1;
const stakeAccount = new PublicKey(address(50));
const destination = new PublicKey(address(51));
const nonceAccount = new PublicKey(address(52));
const STAKE_CONFIG = new PublicKey('StakeConfig11111111111111111111111111111111');

/** Reviews a one-instruction legacy message and returns the decoded action. */
function actionOf(instruction: TransactionInstruction): ReviewAction {
  const message = new TransactionMessage({
    payerKey: signer,
    recentBlockhash: BLOCKHASH,
    instructions: [instruction],
  }).compileToLegacyMessage();
  const model = buildReviewModel(message.serialize(), {
    signer: signer.toBase58(),
    appVersion: '1.9.0',
  });
  expect(reviewModelSchema.safeParse(model).success).toBe(true);
  return model.instructions[0]!.action;
}

/** Stake instruction data written by hand: u32 little-endian variant, then the fields. */
function stakeData(variant: number, ...fields: Buffer[]): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(variant);
  return Buffer.concat([head, ...fields]);
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function u64(value: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(value);
  return buffer;
}

function i64(value: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64LE(value);
  return buffer;
}

function bincodeString(text: string): Buffer {
  return Buffer.concat([u64(BigInt(Buffer.byteLength(text))), Buffer.from(text)]);
}

function stakeInstruction(
  data: Buffer,
  keys: PublicKey[],
  signers: PublicKey[] = [signer],
): TransactionInstruction {
  return new TransactionInstruction({
    programId: StakeProgram.programId,
    keys: keys.map((pubkey) => ({
      pubkey,
      isSigner: signers.some((key) => key.equals(pubkey)),
      isWritable: false,
    })),
    data,
  });
}

describe('review decoding of System instructions (encoded by web3.js)', () => {
  it('CreateAccount', () => {
    const newAccount = Keypair.generate().publicKey;
    expect(
      actionOf(
        SystemProgram.createAccount({
          fromPubkey: signer,
          newAccountPubkey: newAccount,
          lamports: 5000,
          space: 165,
          programId: StakeProgram.programId,
        }),
      ),
    ).toEqual({
      kind: 'systemCreateAccount',
      from: signer.toBase58(),
      newAccount: newAccount.toBase58(),
      lamports: '5000',
      space: '165',
      owner: StakeProgram.programId.toBase58(),
    });
  });

  it('CreateAccountWithSeed', () => {
    expect(
      actionOf(
        SystemProgram.createAccountWithSeed({
          fromPubkey: signer,
          newAccountPubkey: stakeAccount,
          basePubkey: other,
          seed: 'stake:9',
          lamports: 7,
          space: 200,
          programId: StakeProgram.programId,
        }),
      ),
    ).toEqual({
      kind: 'systemCreateAccountWithSeed',
      from: signer.toBase58(),
      newAccount: stakeAccount.toBase58(),
      base: other.toBase58(),
      seed: 'stake:9',
      lamports: '7',
      space: '200',
      owner: StakeProgram.programId.toBase58(),
    });
  });

  it('Assign and AssignWithSeed', () => {
    expect(
      actionOf(SystemProgram.assign({ accountPubkey: signer, programId: StakeProgram.programId })),
    ).toEqual({
      kind: 'systemAssign',
      account: signer.toBase58(),
      owner: StakeProgram.programId.toBase58(),
    });
    expect(
      actionOf(
        SystemProgram.assign({
          accountPubkey: destination,
          basePubkey: signer,
          seed: 's',
          programId: StakeProgram.programId,
        }),
      ),
    ).toEqual({
      kind: 'systemAssignWithSeed',
      account: destination.toBase58(),
      base: signer.toBase58(),
      seed: 's',
      owner: StakeProgram.programId.toBase58(),
    });
  });

  it('Transfer and TransferWithSeed', () => {
    expect(
      actionOf(
        SystemProgram.transfer({ fromPubkey: signer, toPubkey: other, lamports: 2n ** 62n }),
      ),
    ).toEqual({
      kind: 'systemTransfer',
      from: signer.toBase58(),
      to: other.toBase58(),
      lamports: (2n ** 62n).toString(),
    });
    expect(
      actionOf(
        SystemProgram.transfer({
          fromPubkey: destination,
          basePubkey: signer,
          toPubkey: other,
          lamports: 9,
          seed: 'x',
          programId: SystemProgram.programId,
        }),
      ),
    ).toEqual({
      kind: 'systemTransferWithSeed',
      from: destination.toBase58(),
      base: signer.toBase58(),
      to: other.toBase58(),
      lamports: '9',
      fromSeed: 'x',
      fromOwner: SystemProgram.programId.toBase58(),
    });
  });

  it('Allocate and AllocateWithSeed', () => {
    expect(actionOf(SystemProgram.allocate({ accountPubkey: signer, space: 200 }))).toEqual({
      kind: 'systemAllocate',
      account: signer.toBase58(),
      space: '200',
    });
    expect(
      actionOf(
        SystemProgram.allocate({
          accountPubkey: destination,
          basePubkey: signer,
          seed: 'stake:1',
          space: 200,
          programId: StakeProgram.programId,
        }),
      ),
    ).toEqual({
      kind: 'systemAllocateWithSeed',
      account: destination.toBase58(),
      base: signer.toBase58(),
      seed: 'stake:1',
      space: '200',
      owner: StakeProgram.programId.toBase58(),
    });
  });

  it('nonce instructions', () => {
    expect(
      actionOf(SystemProgram.nonceAdvance({ noncePubkey: nonceAccount, authorizedPubkey: signer })),
    ).toEqual({
      kind: 'systemAdvanceNonce',
      nonceAccount: nonceAccount.toBase58(),
      authority: signer.toBase58(),
    });
    expect(
      actionOf(
        SystemProgram.nonceWithdraw({
          noncePubkey: nonceAccount,
          authorizedPubkey: signer,
          toPubkey: other,
          lamports: 11,
        }),
      ),
    ).toEqual({
      kind: 'systemWithdrawNonce',
      nonceAccount: nonceAccount.toBase58(),
      to: other.toBase58(),
      authority: signer.toBase58(),
      lamports: '11',
    });
    expect(
      actionOf(
        SystemProgram.nonceInitialize({ noncePubkey: nonceAccount, authorizedPubkey: other }),
      ),
    ).toEqual({
      kind: 'systemInitializeNonce',
      nonceAccount: nonceAccount.toBase58(),
      authority: other.toBase58(),
    });
    expect(
      actionOf(
        SystemProgram.nonceAuthorize({
          noncePubkey: nonceAccount,
          authorizedPubkey: signer,
          newAuthorizedPubkey: other,
        }),
      ),
    ).toEqual({
      kind: 'systemAuthorizeNonce',
      nonceAccount: nonceAccount.toBase58(),
      authority: signer.toBase58(),
      newAuthority: other.toBase58(),
    });
    const upgrade = new TransactionInstruction({
      programId: SystemProgram.programId,
      keys: [{ pubkey: nonceAccount, isSigner: false, isWritable: true }],
      data: u32(12),
    });
    expect(actionOf(upgrade)).toEqual({
      kind: 'systemUpgradeNonce',
      nonceAccount: nonceAccount.toBase58(),
    });
  });
});

describe('review decoding of Stake instructions', () => {
  it('Initialize with a lockup (web3.js)', () => {
    const lockup = new Lockup(1_735_689_600, 800, other);
    expect(
      actionOf(
        StakeProgram.initialize({
          stakePubkey: stakeAccount,
          authorized: new Authorized(signer, other),
          lockup,
        }),
      ),
    ).toEqual({
      kind: 'stakeInitialize',
      stakeAccount: stakeAccount.toBase58(),
      staker: signer.toBase58(),
      withdrawer: other.toBase58(),
      lockup: { unixTimestamp: '1735689600', epoch: '800', custodian: other.toBase58() },
    });
  });

  it('Authorize with a custodian (web3.js)', () => {
    const instruction = StakeProgram.authorize({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
      newAuthorizedPubkey: other,
      stakeAuthorizationType: StakeAuthorizationLayout.Withdrawer,
      custodianPubkey: destination,
    }).instructions[0]!;
    expect(actionOf(instruction)).toEqual({
      kind: 'stakeAuthorize',
      stakeAccount: stakeAccount.toBase58(),
      authority: signer.toBase58(),
      newAuthority: other.toBase58(),
      authorityType: 'withdrawer',
      custodian: destination.toBase58(),
    });
  });

  it('AuthorizeWithSeed (web3.js)', () => {
    const instruction = StakeProgram.authorizeWithSeed({
      stakePubkey: stakeAccount,
      authorityBase: signer,
      authoritySeed: 'seed',
      authorityOwner: SystemProgram.programId,
      newAuthorizedPubkey: other,
      stakeAuthorizationType: StakeAuthorizationLayout.Staker,
    }).instructions[0]!;
    expect(actionOf(instruction)).toEqual({
      kind: 'stakeAuthorizeWithSeed',
      stakeAccount: stakeAccount.toBase58(),
      authorityBase: signer.toBase58(),
      authoritySeed: 'seed',
      authorityOwner: SystemProgram.programId.toBase58(),
      newAuthority: other.toBase58(),
      authorityType: 'staker',
      custodian: null,
    });
  });

  it('Delegate, Split, Withdraw, Deactivate and Merge (web3.js)', () => {
    expect(
      actionOf(
        StakeProgram.delegate({
          stakePubkey: stakeAccount,
          authorizedPubkey: signer,
          votePubkey: FIGMENT_VOTE,
        }).instructions[0]!,
      ),
    ).toEqual({
      kind: 'stakeDelegate',
      stakeAccount: stakeAccount.toBase58(),
      voteAccount: FIGMENT_VOTE.toBase58(),
      authority: signer.toBase58(),
    });
    expect(
      actionOf(
        StakeProgram.split(
          {
            stakePubkey: stakeAccount,
            authorizedPubkey: signer,
            splitStakePubkey: destination,
            lamports: 3,
          },
          0,
        ).instructions[1]!,
      ),
    ).toEqual({
      kind: 'stakeSplit',
      stakeAccount: stakeAccount.toBase58(),
      destination: destination.toBase58(),
      authority: signer.toBase58(),
      lamports: '3',
    });
    expect(
      actionOf(
        StakeProgram.withdraw({
          stakePubkey: stakeAccount,
          authorizedPubkey: signer,
          toPubkey: other,
          lamports: 4,
        }).instructions[0]!,
      ),
    ).toEqual({
      kind: 'stakeWithdraw',
      stakeAccount: stakeAccount.toBase58(),
      to: other.toBase58(),
      authority: signer.toBase58(),
      lamports: '4',
      custodian: null,
    });
    expect(
      actionOf(
        StakeProgram.deactivate({ stakePubkey: stakeAccount, authorizedPubkey: signer })
          .instructions[0]!,
      ),
    ).toEqual({
      kind: 'stakeDeactivate',
      stakeAccount: stakeAccount.toBase58(),
      authority: signer.toBase58(),
    });
    expect(
      actionOf(
        StakeProgram.merge({
          stakePubkey: stakeAccount,
          sourceStakePubKey: destination,
          authorizedPubkey: signer,
        }).instructions[0]!,
      ),
    ).toEqual({
      kind: 'stakeMerge',
      destination: stakeAccount.toBase58(),
      source: destination.toBase58(),
      authority: signer.toBase58(),
    });
  });

  it('reads the newer account layout without sysvars', () => {
    expect(
      actionOf(stakeInstruction(stakeData(2), [stakeAccount, FIGMENT_VOTE, signer])).kind,
    ).toBe('stakeDelegate');
    expect(
      actionOf(stakeInstruction(stakeData(2), [stakeAccount, FIGMENT_VOTE, signer])),
    ).toMatchObject({ authority: signer.toBase58() });
    expect(
      actionOf(stakeInstruction(stakeData(4, u64(5n)), [stakeAccount, other, signer])),
    ).toMatchObject({ authority: signer.toBase58(), custodian: null });
    expect(actionOf(stakeInstruction(stakeData(5), [stakeAccount, signer]))).toMatchObject({
      authority: signer.toBase58(),
    });
  });

  it('checked and lockup instructions (hand-encoded)', () => {
    expect(
      actionOf(stakeInstruction(stakeData(9), [stakeAccount, SYSVAR_RENT_PUBKEY, other, signer])),
    ).toEqual({
      kind: 'stakeInitializeChecked',
      stakeAccount: stakeAccount.toBase58(),
      staker: other.toBase58(),
      withdrawer: signer.toBase58(),
    });
    expect(
      actionOf(
        stakeInstruction(
          stakeData(10, u32(1)),
          [stakeAccount, SYSVAR_CLOCK_PUBKEY, signer, other],
          [signer, other],
        ),
      ),
    ).toEqual({
      kind: 'stakeAuthorizeChecked',
      stakeAccount: stakeAccount.toBase58(),
      authority: signer.toBase58(),
      newAuthority: other.toBase58(),
      authorityType: 'withdrawer',
      custodian: null,
    });
    expect(
      actionOf(
        stakeInstruction(
          stakeData(11, u32(0), bincodeString('abc'), SystemProgram.programId.toBuffer()),
          [stakeAccount, signer, SYSVAR_CLOCK_PUBKEY, other],
          [signer, other],
        ),
      ),
    ).toEqual({
      kind: 'stakeAuthorizeCheckedWithSeed',
      stakeAccount: stakeAccount.toBase58(),
      authorityBase: signer.toBase58(),
      authorityType: 'staker',
      authoritySeed: 'abc',
      authorityOwner: SystemProgram.programId.toBase58(),
      newAuthority: other.toBase58(),
      custodian: null,
    });
    const lockupArgs = Buffer.concat([
      Buffer.from([1]),
      i64(1_800_000_000n),
      Buffer.from([0]),
      Buffer.from([1]),
      other.toBuffer(),
    ]);
    expect(actionOf(stakeInstruction(stakeData(6, lockupArgs), [stakeAccount, signer]))).toEqual({
      kind: 'stakeSetLockup',
      stakeAccount: stakeAccount.toBase58(),
      authority: signer.toBase58(),
      unixTimestamp: '1800000000',
      epoch: null,
      custodian: other.toBase58(),
    });
    const checkedArgs = Buffer.concat([Buffer.from([0]), Buffer.from([1]), u64(900n)]);
    expect(
      actionOf(
        stakeInstruction(
          stakeData(12, checkedArgs),
          [stakeAccount, signer, other],
          [signer, other],
        ),
      ),
    ).toEqual({
      kind: 'stakeSetLockupChecked',
      stakeAccount: stakeAccount.toBase58(),
      authority: signer.toBase58(),
      unixTimestamp: null,
      epoch: '900',
      custodian: other.toBase58(),
    });
  });

  it('the newer stake instructions (hand-encoded)', () => {
    expect(actionOf(stakeInstruction(stakeData(13), []))).toEqual({
      kind: 'stakeGetMinimumDelegation',
    });
    expect(
      actionOf(stakeInstruction(stakeData(14), [stakeAccount, FIGMENT_VOTE, OTHER_VOTE])),
    ).toEqual({
      kind: 'stakeDeactivateDelinquent',
      stakeAccount: stakeAccount.toBase58(),
      delinquentVoteAccount: FIGMENT_VOTE.toBase58(),
      referenceVoteAccount: OTHER_VOTE.toBase58(),
    });
    expect(
      actionOf(
        stakeInstruction(stakeData(15), [
          stakeAccount,
          destination,
          OTHER_VOTE,
          STAKE_CONFIG,
          signer,
        ]),
      ),
    ).toEqual({
      kind: 'stakeRedelegate',
      stakeAccount: stakeAccount.toBase58(),
      newStakeAccount: destination.toBase58(),
      voteAccount: OTHER_VOTE.toBase58(),
      authority: signer.toBase58(),
    });
    expect(
      actionOf(stakeInstruction(stakeData(16, u64(SOL)), [stakeAccount, destination, signer])),
    ).toMatchObject({ kind: 'stakeMoveStake', lamports: SOL.toString() });
    expect(
      actionOf(stakeInstruction(stakeData(17, u64(1n)), [stakeAccount, destination, signer])),
    ).toMatchObject({ kind: 'stakeMoveLamports', lamports: '1' });
  });
});

describe('review decoding of other programs', () => {
  it('compute budget instructions (web3.js)', () => {
    expect(actionOf(ComputeBudgetProgram.setComputeUnitLimit({ units: 300 }))).toEqual({
      kind: 'computeBudgetSetComputeUnitLimit',
      units: 300,
    });
    expect(
      actionOf(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 2n ** 63n })),
    ).toEqual({
      kind: 'computeBudgetSetComputeUnitPrice',
      microLamports: (2n ** 63n).toString(),
    });
    expect(actionOf(ComputeBudgetProgram.requestHeapFrame({ bytes: 65_536 }))).toEqual({
      kind: 'computeBudgetRequestHeapFrame',
      bytes: 65_536,
    });
    expect(actionOf(ComputeBudgetProgram.requestUnits({ units: 5, additionalFee: 6 }))).toEqual({
      kind: 'computeBudgetRequestUnits',
      units: 5,
      additionalFee: 6,
    });
    const dataSize = new TransactionInstruction({
      programId: ComputeBudgetProgram.programId,
      keys: [],
      data: Buffer.concat([Buffer.from([4]), u32(32_768)]),
    });
    expect(actionOf(dataSize)).toEqual({
      kind: 'computeBudgetSetLoadedAccountsDataSizeLimit',
      bytes: 32_768,
    });
  });

  it('memo', () => {
    const memo = new TransactionInstruction({
      programId: new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'),
      keys: [{ pubkey: signer, isSigner: true, isWritable: false }],
      data: Buffer.from('payroll März'),
    });
    expect(actionOf(memo)).toEqual({
      kind: 'memo',
      text: 'payroll März',
      signers: [signer.toBase58()],
    });
  });

  it('unknown programs, unknown variants, short data and missing accounts', () => {
    const unknownProgram = new TransactionInstruction({
      programId: OTHER_VOTE,
      keys: [{ pubkey: other, isSigner: false, isWritable: true }],
      data: Buffer.from([1, 2, 3]),
    });
    expect(actionOf(unknownProgram)).toEqual({
      kind: 'unknown',
      reason: 'unknownProgram',
      accounts: [other.toBase58()],
      dataLength: 3,
      dataPrefixHex: '010203',
    });
    expect(actionOf(stakeInstruction(stakeData(99), [stakeAccount]))).toMatchObject({
      kind: 'unknown',
      reason: 'unknownInstruction',
    });
    expect(
      actionOf(
        stakeInstruction(stakeData(4, Buffer.from([1, 2])), [
          stakeAccount,
          other,
          SYSVAR_CLOCK_PUBKEY,
          SYSVAR_STAKE_HISTORY_PUBKEY,
          signer,
        ]),
      ),
    ).toMatchObject({
      kind: 'unknown',
      reason: 'malformedData',
    });
    expect(actionOf(stakeInstruction(stakeData(3, u64(1n)), [stakeAccount]))).toMatchObject({
      kind: 'unknown',
      reason: 'missingAccounts',
    });
    expect(
      actionOf(
        stakeInstruction(stakeData(1, signer.toBuffer(), u32(7)), [
          stakeAccount,
          SYSVAR_CLOCK_PUBKEY,
          signer,
        ]),
      ),
    ).toMatchObject({
      kind: 'unknown',
      reason: 'malformedData',
    });
  });
});
