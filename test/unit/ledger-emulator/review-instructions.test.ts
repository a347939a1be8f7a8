import {
  ComputeBudgetProgram,
  Keypair,
  MessageV0,
  PublicKey,
  StakeProgram,
  SystemProgram,
  TransactionInstruction,
} from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  BLOCKHASH,
  emulatorWith,
  messageOf,
  otherKey,
  reviewOf,
  signer,
  stakeAccount,
  screenFields,
} from './review-helpers';

const SIGNER = signer.toBase58();
const OTHER = otherKey.toBase58();
const STAKE = stakeAccount.toBase58();
const LEGACY = { version: '1.9.0' };
const NEWER = { version: '1.16.0' };
const MEMO_V2 = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const MEMO_V1 = new PublicKey('Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo');

const memo = (programId: PublicKey) =>
  new TransactionInstruction({ programId, keys: [], data: Buffer.from('hello') });
const transfer = () =>
  SystemProgram.transfer({ fromPubkey: signer, toPubkey: otherKey, lamports: 42 });

describe('single System instructions', () => {
  it("transfer: legacy labels, then the newer line's", async () => {
    const legacy = await reviewOf(emulatorWith(LEGACY), messageOf([transfer()]));
    const newer = await reviewOf(emulatorWith(NEWER), messageOf([transfer()]));

    expect(screenFields(legacy)).toEqual([
      ['Transfer', '0.000000042 SOL'],
      ['Recipient', OTHER],
    ]);
    expect(screenFields(newer)).toEqual([
      ['Amount', '0.000000042 SOL'],
      ['To', OTHER],
    ]);
  });

  it('transfer from another key shows the sender', async () => {
    const message = messageOf(
      [SystemProgram.transfer({ fromPubkey: otherKey, toPubkey: stakeAccount, lamports: 1 })],
      signer,
    );
    const twoSigners = await reviewOf(emulatorWith(LEGACY), message);

    expect(screenFields(twoSigners)).toEqual([
      ['Transfer', '0.000000001 SOL'],
      ['Sender', OTHER],
      ['Recipient', STAKE],
    ]);
  });

  it('create nonce account pattern', async () => {
    const nonce = Keypair.generate().publicKey;
    const instructions = SystemProgram.createNonceAccount({
      fromPubkey: signer,
      noncePubkey: nonce,
      authorizedPubkey: signer,
      lamports: 1_447_680,
    }).instructions;

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(instructions));

    expect(screenFields(review)).toEqual([
      ['Create nonce acct', nonce.toBase58()],
      ['Deposit', '0.00144768 SOL'],
      ['New authority', SIGNER],
    ]);
  });

  it('withdraw from a nonce account', async () => {
    const nonce = Keypair.generate().publicKey;
    const instruction = SystemProgram.nonceWithdraw({
      noncePubkey: nonce,
      authorizedPubkey: signer,
      toPubkey: otherKey,
      lamports: 1_000_000,
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf([instruction]));

    expect(screenFields(review)).toEqual([
      ['Nonce withdraw', '0.001 SOL'],
      ['From', nonce.toBase58()],
      ['To', OTHER],
    ]);
  });

  it('advance nonce alone is shown, not stripped', async () => {
    const nonce = Keypair.generate().publicKey;
    const instruction = SystemProgram.nonceAdvance({
      noncePubkey: nonce,
      authorizedPubkey: signer,
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf([instruction]));

    expect(screenFields(review)).toEqual([['Advance nonce', nonce.toBase58()]]);
  });

  it('create account with an unknown owner shows it in the newer line only', async () => {
    const created = Keypair.generate().publicKey;
    const owner = new PublicKey('BPFLoaderUpgradeab1e11111111111111111111111');
    const instruction = SystemProgram.createAccount({
      fromPubkey: signer,
      newAccountPubkey: created,
      lamports: 1_000_000,
      space: 10,
      programId: owner,
    });

    const legacy = await reviewOf(emulatorWith(LEGACY), messageOf([instruction]));
    const newer = await reviewOf(emulatorWith(NEWER), messageOf([instruction]));

    expect(screenFields(legacy)).toEqual([
      ['Create account', created.toBase58()],
      ['Deposit', '0.001 SOL'],
    ]);
    expect(screenFields(newer)).toEqual([
      ['Create account', created.toBase58()],
      ['Deposit', '0.001 SOL'],
      ['Data size', '10'],
      ['Owner program', owner.toBase58()],
    ]);
  });
});

describe('single Stake instructions', () => {
  it('set lockup', async () => {
    // web3.js 1.x has no SetLockup builder: discriminator 6, then three bincode options.
    const data = Buffer.concat([
      Buffer.from([6, 0, 0, 0, 1]),
      Buffer.from(new BigInt64Array([1_735_689_600n]).buffer),
      Buffer.from([1]),
      Buffer.from(new BigUint64Array([800n]).buffer),
      Buffer.from([1]),
      otherKey.toBuffer(),
    ]);
    const setLockup = new TransactionInstruction({
      programId: StakeProgram.programId,
      keys: [
        { pubkey: stakeAccount, isSigner: false, isWritable: true },
        { pubkey: signer, isSigner: true, isWritable: false },
      ],
      data,
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf([setLockup]));

    expect(screenFields(review)).toEqual([
      ['Set lockup', STAKE],
      ['Time', '2025-01-01 00:00:00'],
      ['Epoch', '800'],
      ['New authority', OTHER],
    ]);
  });

  it('authorize-checked pair naming the same account shows "New authorities" in 1.9', async () => {
    const checked = (role: number) =>
      StakeProgram.authorize({
        stakePubkey: stakeAccount,
        authorizedPubkey: signer,
        newAuthorizedPubkey: otherKey,
        stakeAuthorizationType: { index: role },
      }).instructions[0];
    const toChecked = (instruction: TransactionInstruction | undefined, role: number) =>
      new TransactionInstruction({
        programId: StakeProgram.programId,
        keys: [
          instruction?.keys[0] ?? { pubkey: stakeAccount, isSigner: false, isWritable: true },
          instruction?.keys[1] ?? { pubkey: stakeAccount, isSigner: false, isWritable: false },
          { pubkey: signer, isSigner: true, isWritable: false },
          { pubkey: otherKey, isSigner: true, isWritable: false },
        ],
        data: Buffer.from([10, 0, 0, 0, role, 0, 0, 0]),
      });
    const message = messageOf([toChecked(checked(0), 0), toChecked(checked(1), 1)]);

    const review = await reviewOf(emulatorWith(LEGACY), message);

    expect(screenFields(review).slice(0, 2)).toEqual([
      ['Set stake auth', STAKE],
      ['New authorities', OTHER],
    ]);
  });

  it('authorize with seed is not displayable', async () => {
    const instruction = StakeProgram.authorizeWithSeed({
      stakePubkey: stakeAccount,
      authorityBase: signer,
      authoritySeed: 'seed',
      authorityOwner: SystemProgram.programId,
      newAuthorizedPubkey: otherKey,
      stakeAuthorizationType: { index: 0 },
    }).instructions;

    expect(await reviewOf(emulatorWith(LEGACY), messageOf(instruction))).toEqual({
      kind: 'status',
      statusWord: 0x6808,
    });
  });
});

describe('message-level rules', () => {
  it('drops a v2 Memo from the screens but counts it against the limit', async () => {
    const withMemo = messageOf([transfer(), memo(MEMO_V2)]);
    const overLimit = messageOf([
      memo(MEMO_V2),
      memo(MEMO_V2),
      memo(MEMO_V2),
      memo(MEMO_V2),
      transfer(),
    ]);

    const shown = await reviewOf(emulatorWith(LEGACY), withMemo);
    const refused = await reviewOf(emulatorWith(LEGACY), overLimit);

    expect(screenFields(shown)[0]?.[0]).toBe('Transfer');
    expect(refused).toEqual({ kind: 'status', statusWord: 0x6808 });
  });

  it('treats the v1 Memo program as unknown', async () => {
    expect(await reviewOf(emulatorWith(LEGACY), messageOf([transfer(), memo(MEMO_V1)]))).toEqual({
      kind: 'status',
      statusWord: 0x6808,
    });
  });

  it('shows a v0 message without lookup tables in clear', async () => {
    const message = MessageV0.compile({
      payerKey: signer,
      recentBlockhash: BLOCKHASH,
      instructions: [transfer()],
    }).serialize();

    const review = await reviewOf(emulatorWith(LEGACY), message);

    expect(review.kind).toBe('screens');
  });

  it('needs blind signing for a compute-budget-only transaction', async () => {
    const message = messageOf([
      ComputeBudgetProgram.setComputeUnitLimit({ units: 1000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1 }),
    ]);

    expect(await reviewOf(emulatorWith(LEGACY), message)).toEqual({
      kind: 'status',
      statusWord: 0x6808,
    });
  });
});
