import { Keypair, PublicKey, StakeProgram } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  DEPOSIT,
  FIGMENT_VOTE,
  OTHER_VOTE,
  computeUnitLimit,
  computeUnitPrice,
  createWithSeedInstructions,
  delegateInstructions,
  emulatorWith,
  messageOf,
  nonceAdvance,
  otherKey,
  reviewOf,
  signApdus,
  signer,
  stakeAccount,
  screenFields,
} from './review-helpers';

const SIGNER = signer.toBase58();
const STAKE = stakeAccount.toBase58();
const OTHER = otherKey.toBase58();
const NEWER = { version: '1.16.0' };
const splitDestination = new PublicKey('5ZWj7a1f8tWkjBESHKgrLmXshuXxqeY9SYcfbshpAqPG');

function ledgerLiveStake(): Uint8Array {
  return messageOf([
    computeUnitLimit(5000),
    computeUnitPrice(100_000),
    ...createWithSeedInstructions(),
    ...delegateInstructions(),
  ]);
}

describe('newer line (1.10 and later) stake screens', () => {
  it('Ledger Live staking transaction with a priority fee is clear-signable', async () => {
    const review = await reviewOf(emulatorWith(NEWER), ledgerLiveStake());

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Delegated from', STAKE],
        ['Deposit', '1.00228288 SOL'],
        ['New authority', SIGNER],
        ['Vote account', 'Ledger by Figment'],
        ['Max fees', '0.0000055 SOL'],
      ],
    });
  });

  it('the same transaction in expert mode', async () => {
    const review = await reviewOf(emulatorWith({ ...NEWER, expertMode: true }), ledgerLiveStake());

    expect(screenFields(review)).toEqual([
      ['Delegated from', STAKE],
      ['Deposit', '1.00228288 SOL'],
      ['From', SIGNER],
      ['Base', SIGNER],
      ['Seed', 'stake:0123456789abcdef0123456789'],
      ['New authority', SIGNER],
      ['Lockup', 'None'],
      ['Authorized by', SIGNER],
      ['Vote account', 'Ledger by Figment'],
      ['Max fees', '0.0000055 SOL'],
      ['Fee payer', SIGNER],
    ]);
  });

  it('nonce, limit, price, create, initialize, delegate fits six instructions', async () => {
    const message = messageOf([
      nonceAdvance(),
      computeUnitLimit(5000),
      computeUnitPrice(100_000),
      ...createWithSeedInstructions(),
      ...delegateInstructions(),
    ]);

    const review = await reviewOf(emulatorWith(NEWER), message);

    expect(screenFields(review)[0]).toEqual(['Delegated from', STAKE]);
  });

  it('seven instructions need blind signing, with a warning first', async () => {
    const message = messageOf([
      nonceAdvance(),
      computeUnitLimit(5000),
      computeUnitPrice(100_000),
      computeUnitPrice(100_000),
      ...createWithSeedInstructions(),
      ...delegateInstructions(),
    ]);
    const emulator = emulatorWith({ ...NEWER, blindSigning: true });
    const apdus = signApdus(message);
    const last = apdus.pop() ?? new Uint8Array();
    for (const apdu of apdus) {
      await emulator.exchange(apdu);
    }

    const refused = await reviewOf(emulatorWith(NEWER), message);
    const pending = emulator.exchange(last);
    const screens = emulator.currentRequest?.screens ?? [];
    emulator.reject();
    await pending;

    expect(refused).toEqual({ kind: 'status', statusWord: 0x6808 });
    expect(screens[0]).toEqual({ kind: 'warning', title: 'Blind signing ahead', value: '' });
    expect(screens[1]).toEqual({ kind: 'field', title: 'Unrecognized', value: 'format' });
  });

  it('created, initialized and delegated accounts must be the same', async () => {
    const other = new PublicKey('8iGJRVpFo5NSjiWoL5U6aqxELNFYhAiAX8fRAhJqCBhJ');
    const message = messageOf([...createWithSeedInstructions(), ...delegateInstructions(other)]);

    const legacy = await reviewOf(emulatorWith({ version: '1.9.0' }), message);
    const newer = await reviewOf(emulatorWith(NEWER), message);

    expect(legacy.kind).toBe('screens');
    expect(newer).toEqual({ kind: 'status', statusWord: 0x6808 });
  });

  it('vote account names: Figment, Chorus One, others by address', async () => {
    const chorus = new PublicKey('CpfvLiiPALdzZTP3fUrALg2TXwEDSAknRh1sn5JCt9Sr');
    const delegateTo = (vote: PublicKey) =>
      messageOf(
        StakeProgram.delegate({
          stakePubkey: stakeAccount,
          authorizedPubkey: signer,
          votePubkey: vote,
        }).instructions,
      );

    const figment = await reviewOf(emulatorWith(NEWER), delegateTo(FIGMENT_VOTE));
    const chorusOne = await reviewOf(emulatorWith(NEWER), delegateTo(chorus));
    const unnamed = await reviewOf(emulatorWith(NEWER), delegateTo(OTHER_VOTE));

    expect(screenFields(figment)).toEqual([
      ['Delegated from', STAKE],
      ['Vote account', 'Ledger by Figment'],
    ]);
    expect(screenFields(chorusOne)[1]).toEqual(['Vote account', 'Ledger by Chorus One']);
    expect(screenFields(unnamed)[1]).toEqual(['Vote account', OTHER_VOTE.toBase58()]);
  });

  it('deactivate is labelled "Stake account" with Max fees last', async () => {
    const deactivate = StakeProgram.deactivate({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
    });

    const review = await reviewOf(
      emulatorWith(NEWER),
      messageOf([computeUnitLimit(1000), computeUnitPrice(50_000), ...deactivate.instructions]),
    );

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Stake account', STAKE],
        ['Max fees', '0.00000505 SOL'],
      ],
    });
  });

  it('withdraw shows Amount, From stake account, To', async () => {
    const withdraw = StakeProgram.withdraw({
      stakePubkey: stakeAccount,
      authorizedPubkey: signer,
      toPubkey: otherKey,
      lamports: DEPOSIT,
    });

    const review = await reviewOf(emulatorWith(NEWER), messageOf(withdraw.instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Amount', '1.00228288 SOL'],
        ['From stake account', STAKE],
        ['To', OTHER],
      ],
    });
  });

  it('split with the prefunding transfer first shows Prefund to everyone', async () => {
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

    const review = await reviewOf(
      emulatorWith(NEWER),
      messageOf([transfer, allocate, splitInstruction]),
    );

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Split stake', '0.5 SOL'],
        ['From', STAKE],
        ['To', splitDestination.toBase58()],
        ['Prefund', '0.00228288 SOL'],
      ],
    });
  });

  it('split into a created account shows the deposit', async () => {
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

    const review = await reviewOf(emulatorWith(NEWER), messageOf(split.instructions));

    expect(screenFields(review)).toEqual([
      ['Split stake', '0.5 SOL'],
      ['From', STAKE],
      ['To', destination.toBase58()],
      ['Deposit', '0.00228288 SOL'],
    ]);
  });

  it('authorize both roles to one key shows "New authorities"', async () => {
    const instructions = [0, 1].flatMap(
      (index) =>
        StakeProgram.authorize({
          stakePubkey: stakeAccount,
          authorizedPubkey: signer,
          newAuthorizedPubkey: otherKey,
          stakeAuthorizationType: { index },
        }).instructions,
    );

    const review = await reviewOf(emulatorWith(NEWER), messageOf(instructions));

    expect(review).toEqual({
      kind: 'screens',
      blindSigning: false,
      fields: [
        ['Set stake auth', STAKE],
        ['New authorities', OTHER],
      ],
    });
  });

  it('merge keeps its labels', async () => {
    const source = new PublicKey('8iGJRVpFo5NSjiWoL5U6aqxELNFYhAiAX8fRAhJqCBhJ');
    const merge = StakeProgram.merge({
      stakePubkey: stakeAccount,
      sourceStakePubKey: source,
      authorizedPubkey: signer,
    });

    const review = await reviewOf(emulatorWith(NEWER), messageOf(merge.instructions));

    expect(screenFields(review)).toEqual([
      ['Merge', source.toBase58()],
      ['Into', STAKE],
    ]);
  });
});
