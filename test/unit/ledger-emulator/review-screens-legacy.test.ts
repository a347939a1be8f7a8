import { sha256 } from '@noble/hashes/sha2.js';
import {
  Authorized,
  Keypair,
  Lockup,
  PublicKey,
  StakeProgram,
  SYSVAR_RENT_PUBKEY,
  TransactionInstruction,
} from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  DEPOSIT,
  FIGMENT_VOTE,
  STAKE_SEED,
  computeUnitLimit,
  computeUnitPrice,
  createWithSeedInstructions,
  delegateInstructions,
  emulatorWith,
  messageOf,
  nonceAccount,
  nonceAdvance,
  otherKey,
  reviewOf,
  signer,
  stakeAccount,
  screenFields,
} from './review-helpers';

const SIGNER = signer.toBase58();
const STAKE = stakeAccount.toBase58();
const VOTE = FIGMENT_VOTE.toBase58();
const OTHER = otherKey.toBase58();
const LEGACY = { version: '1.9.0' };
const splitDestination = new PublicKey('5ZWj7a1f8tWkjBESHKgrLmXshuXxqeY9SYcfbshpAqPG');

describe('legacy line (1.9) stake screens', () => {
  it('create with seed, initialize, delegate for a non-expert', async () => {
    const review = await reviewOf(
      emulatorWith(LEGACY),
      messageOf([...createWithSeedInstructions(), ...delegateInstructions()]),
    );

    expect(STAKE.startsWith('AH9SphFp')).toBe(true);
    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Delegate from', STAKE],
        ['Deposit', '1.00228288 SOL'],
        ['New authority', SIGNER],
        ['Vote account', VOTE],
      ],
    });
  });

  it('create with seed, initialize, delegate in expert mode', async () => {
    const review = await reviewOf(
      emulatorWith({ ...LEGACY, expertMode: true }),
      messageOf([...createWithSeedInstructions(), ...delegateInstructions()]),
    );

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Delegate from', STAKE],
        ['Deposit', '1.00228288 SOL'],
        ['From', SIGNER],
        ['Base', SIGNER],
        ['Seed', STAKE_SEED],
        ['New authority', SIGNER],
        ['Lockup', 'None'],
        ['Authorized by', SIGNER],
        ['Vote account', VOTE],
        ['Fee payer', SIGNER],
      ],
    });
  });

  it('compute-unit limit first puts Max fees second', async () => {
    const review = await reviewOf(
      emulatorWith(LEGACY),
      messageOf([
        computeUnitLimit(5000),
        ...createWithSeedInstructions(),
        ...delegateInstructions(),
      ]),
    );

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Delegate from', STAKE],
        ['Max fees', '0.000005 SOL'],
        ['Deposit', '1.00228288 SOL'],
        ['New authority', SIGNER],
        ['Vote account', VOTE],
      ],
    });
  });

  it('five instructions need blind signing: 0x6808 when it is off', async () => {
    const message = messageOf([
      computeUnitLimit(5000),
      computeUnitPrice(100_000),
      ...createWithSeedInstructions(),
      ...delegateInstructions(),
    ]);

    const review = await reviewOf(emulatorWith(LEGACY), message);

    expect(review).toEqual({ kind: 'status', statusWord: 0x6808 });
  });

  it('five instructions with blind signing on show the message hash', async () => {
    const message = messageOf([
      computeUnitLimit(5000),
      computeUnitPrice(100_000),
      ...createWithSeedInstructions(),
      ...delegateInstructions(),
    ]);

    const review = await reviewOf(emulatorWith({ ...LEGACY, blindSigning: true }), message);

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: true,
      fields: [
        ['Unrecognized', 'format'],
        ['Message Hash', new PublicKey(sha256(message)).toBase58()],
      ],
    });
  });

  it('nonce advance first is hidden for a non-expert', async () => {
    const review = await reviewOf(
      emulatorWith(LEGACY),
      messageOf([nonceAdvance(), ...createWithSeedInstructions(), ...delegateInstructions()]),
    );

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Delegate from', STAKE],
        ['Deposit', '1.00228288 SOL'],
        ['New authority', SIGNER],
        ['Vote account', VOTE],
      ],
    });
  });

  it('nonce advance first shows nonce items before the fee payer in expert mode', async () => {
    const review = await reviewOf(
      emulatorWith({ ...LEGACY, expertMode: true }),
      messageOf([nonceAdvance(), ...createWithSeedInstructions(), ...delegateInstructions()]),
    );

    expect(screenFields(review).slice(-3)).toEqual([
      ['Nonce account', nonceAccount.toBase58()],
      ['Nonce authority', SIGNER],
      ['Fee payer', SIGNER],
    ]);
  });

  it('create with split authorities and a lockup', async () => {
    const review = await reviewOf(
      emulatorWith(LEGACY),
      messageOf(
        createWithSeedInstructions(
          new Authorized(signer, otherKey),
          new Lockup(Date.UTC(2025, 0, 1) / 1000, 800, otherKey),
        ),
      ),
    );

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Create stake acct', STAKE],
        ['Deposit', '1.00228288 SOL'],
        ['New stake auth', SIGNER],
        ['New withdraw auth', OTHER],
        ['Lockup time', '2025-01-01 00:00:00'],
        ['Lockup epoch', '800'],
        ['Lockup authority', OTHER],
      ],
    });
  });

  it('delegate of an existing account', async () => {
    const review = await reviewOf(emulatorWith(LEGACY), messageOf(delegateInstructions()));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Delegate from', STAKE],
        ['Vote account', VOTE],
      ],
    });
  });

  it('deactivate, with Max fees second after a limit and a price', async () => {
    const deactivate = StakeProgram.deactivate({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
    });

    const plain = await reviewOf(emulatorWith(LEGACY), messageOf(deactivate.instructions));
    const withFees = await reviewOf(
      emulatorWith(LEGACY),
      messageOf([computeUnitLimit(1000), computeUnitPrice(50_000), ...deactivate.instructions]),
    );

    expect(plain).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [['Deactivate stake', STAKE]],
    });
    expect(withFees).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Deactivate stake', STAKE],
        ['Max fees', '0.00000505 SOL'],
      ],
    });
  });

  it('withdraw to the signer', async () => {
    const withdraw = StakeProgram.withdraw({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
      toPubkey: signer,
      lamports: DEPOSIT,
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(withdraw.instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Stake withdraw', '1.00228288 SOL'],
        ['From', STAKE],
        ['To', SIGNER],
      ],
    });
  });

  it('split with seed without a reserve', async () => {
    const split = StakeProgram.splitWithSeed({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
      splitStakePubkey: splitDestination,
      basePubkey: signer,
      seed: 'stake:split',
      lamports: 500_000_000,
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(split.instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Split stake', '0.5 SOL'],
        ['From', STAKE],
        ['To', splitDestination.toBase58()],
      ],
    });
  });

  it('split with seed and web3 reserve order needs blind signing', async () => {
    const split = StakeProgram.splitWithSeed(
      {
        stakePubkey: stakeAccount,
        authorizedPubkey: signer,
        splitStakePubkey: splitDestination,
        basePubkey: signer,
        seed: 'stake:split',
        lamports: 500_000_000,
      },
      2_282_880,
    );

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(split.instructions));

    expect(review).toEqual({ kind: 'status', statusWord: 0x6808 });
  });

  it('split with the prefunding transfer first', async () => {
    const [allocate, transfer, splitInstruction] = StakeProgram.splitWithSeed(
      {
        stakePubkey: stakeAccount,
        authorizedPubkey: signer,
        splitStakePubkey: splitDestination,
        basePubkey: signer,
        seed: 'stake:split',
        lamports: 500_000_000,
      },
      2_282_880,
    ).instructions;
    if (!allocate || !transfer || !splitInstruction) {
      throw new Error('web3.js returned fewer instructions than expected');
    }
    const message = messageOf([transfer, allocate, splitInstruction]);

    const plain = await reviewOf(emulatorWith(LEGACY), message);
    const expert = await reviewOf(emulatorWith({ ...LEGACY, expertMode: true }), message);

    expect(plain).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Split stake', '0.5 SOL'],
        ['From', STAKE],
        ['To', splitDestination.toBase58()],
      ],
    });
    expect(screenFields(expert)).toEqual([
      ['Split stake', '0.5 SOL'],
      ['Prefund', '0.00228288 SOL'],
      ['Prefunder', SIGNER],
      ['From', STAKE],
      ['To', splitDestination.toBase58()],
      ['Base', SIGNER],
      ['Seed', 'stake:split'],
      ['Authorized by', SIGNER],
      ['Fee payer', SIGNER],
    ]);
  });

  it('split into a new keypair account (create account + split)', async () => {
    const destination = Keypair.generate().publicKey;
    const split = StakeProgram.split(
      {
        stakePubkey: stakeAccount,
        authorizedPubkey: signer,
        splitStakePubkey: destination,
        lamports: 500_000_000,
      },
      2_282_880,
    );

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(split.instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Split stake', '0.5 SOL'],
        ['From', STAKE],
        ['To', destination.toBase58()],
      ],
    });
  });

  it('authorize a new withdrawer', async () => {
    const authorize = StakeProgram.authorize({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
      newAuthorizedPubkey: otherKey,
      stakeAuthorizationType: { index: 1 },
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(authorize.instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Set stake auth', STAKE],
        ['New withdraw auth', OTHER],
      ],
    });
  });

  it('authorize both roles to one key lists them apart (1.9 compares by memory)', async () => {
    const instructions = [0, 1].flatMap(
      (index) =>
        StakeProgram.authorize({
          stakePubkey: stakeAccount,
          authorizedPubkey: signer,
          newAuthorizedPubkey: otherKey,
          stakeAuthorizationType: { index },
        }).instructions,
    );

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Set stake auth', STAKE],
        ['New stake auth', OTHER],
        ['New withdraw auth', OTHER],
      ],
    });
  });

  it('merge two accounts', async () => {
    const source = new PublicKey('8iGJRVpFo5NSjiWoL5U6aqxELNFYhAiAX8fRAhJqCBhJ');
    const merge = StakeProgram.merge({
      stakePubkey: stakeAccount,
      sourceStakePubKey: source,
      authorizedPubkey: signer,
    });

    const review = await reviewOf(emulatorWith(LEGACY), messageOf(merge.instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Merge', source.toBase58()],
        ['Into', STAKE],
      ],
    });
  });

  it('fee payer other than the signer is shown last', async () => {
    const review = await reviewOf(
      emulatorWith(LEGACY),
      messageOf(delegateInstructions(), otherKey),
    );

    expect(screenFields(review).at(-1)).toEqual(['Fee payer', OTHER]);
  });

  it('short pubkey display keeps the first and last seven characters', async () => {
    const review = await reviewOf(
      emulatorWith({ ...LEGACY, pubkeyDisplay: 'short' }),
      messageOf(delegateInstructions()),
    );

    expect(screenFields(review)[0]).toEqual([
      'Delegate from',
      `${STAKE.slice(0, 7)}..${STAKE.slice(-7)}`,
    ]);
  });

  it('compute budget after a stake instruction is not clear-signable', async () => {
    const message = messageOf([...delegateInstructions(), computeUnitLimit(5000)]);

    const review = await reviewOf(emulatorWith(LEGACY), message);

    expect(review).toEqual({ kind: 'status', statusWord: 0x6808 });
  });

  it('create with seed, initialize checked, delegate is not a pattern', async () => {
    const [create] = createWithSeedInstructions();
    if (!create) {
      throw new Error('web3.js returned no create instruction');
    }
    const checked = new TransactionInstruction({
      programId: StakeProgram.programId,
      keys: [
        { pubkey: stakeAccount, isSigner: false, isWritable: true },
        { pubkey: SYSVAR_RENT_PUBKEY, isSigner: false, isWritable: false },
        { pubkey: signer, isSigner: false, isWritable: false },
        { pubkey: signer, isSigner: true, isWritable: false },
      ],
      data: Buffer.from([9, 0, 0, 0]),
    });

    const twoInstructions = await reviewOf(emulatorWith(LEGACY), messageOf([create, checked]));
    const threeInstructions = await reviewOf(
      emulatorWith(LEGACY),
      messageOf([create, checked, ...delegateInstructions()]),
    );

    expect(screenFields(twoInstructions)[0]).toEqual(['Create stake acct', STAKE]);
    expect(threeInstructions).toEqual({ kind: 'status', statusWord: 0x6808 });
  });
});
