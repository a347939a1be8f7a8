import {
  Authorized,
  ComputeBudgetProgram,
  Lockup,
  PublicKey,
  StakeAuthorizationLayout,
  StakeProgram,
  SystemProgram,
  TransactionInstruction,
  TransactionMessage,
} from '@solana/web3.js';
import { describe, expect, it } from 'vitest';

import { buildReviewModel, buildSplit } from '../../../src/main/stake';
import type { DeviceReview } from '../../../src/shared/domain/stake';
import {
  address,
  BLOCKHASH,
  blockhashContext,
  FIGMENT_VOTE,
  FIXED_SEED,
  FIXED_STAKE_ACCOUNT,
  OTHER_VOTE,
  RENT_RESERVE,
  SOL,
  speculos,
} from './fixtures';

/**
 * Screen predictions against the display of Ledger Solana app 1.9 (its libsol display code
 * compiled and run on a host, signer = fee payer = 44'/501'/0' of the Speculos seed, long
 * public keys) and against the label changes of the later app line.
 */

const signer = speculos.account0;
const S = signer.toBase58();
const STAKE = FIXED_STAKE_ACCOUNT.toBase58();
const VOTE = FIGMENT_VOTE.toBase58();
const DEPOSIT = SOL + RENT_RESERVE;

interface PredictOptions {
  appVersion?: string;
  expertMode?: boolean | null;
  pubkeyDisplay?: 'long' | 'short';
  payer?: PublicKey;
  deviceSigner?: PublicKey;
}

function predict(
  instructions: TransactionInstruction[],
  options: PredictOptions = {},
): DeviceReview {
  const message = new TransactionMessage({
    payerKey: options.payer ?? signer,
    recentBlockhash: BLOCKHASH,
    instructions,
  }).compileToLegacyMessage();
  return buildReviewModel(message.serialize(), {
    signer: (options.deviceSigner ?? signer).toBase58(),
    appVersion: options.appVersion ?? '1.9.0',
    expertMode: options.expertMode === undefined ? false : options.expertMode,
    pubkeyDisplay: options.pubkeyDisplay ?? 'long',
  }).device;
}

function screens(
  instructions: TransactionInstruction[],
  options: PredictOptions = {},
): Array<[string, string]> {
  const review = predict(instructions, options);
  if (review.outcome !== 'clearSign') {
    throw new Error(`expected clear signing, got ${JSON.stringify(review)}`);
  }
  return review.screens.map((screen) => [screen.title, screen.value]);
}

/** Builds a stake transaction the way Ledger Live does: web3.js createAccountWithSeed, then delegate. */
function ledgerLiveStake(
  lockup?: Lockup,
  withdrawer: PublicKey = signer,
): TransactionInstruction[] {
  const create = StakeProgram.createAccountWithSeed({
    fromPubkey: signer,
    stakePubkey: FIXED_STAKE_ACCOUNT,
    basePubkey: signer,
    seed: FIXED_SEED,
    authorized: new Authorized(signer, withdrawer),
    lamports: Number(DEPOSIT),
    ...(lockup === undefined ? {} : { lockup }),
  }).instructions;
  const delegate = StakeProgram.delegate({
    stakePubkey: FIXED_STAKE_ACCOUNT,
    authorizedPubkey: signer,
    votePubkey: FIGMENT_VOTE,
  }).instructions;
  return [...create, ...delegate];
}

const limit = (units: number) => ComputeBudgetProgram.setComputeUnitLimit({ units });
const price = (microLamports: number) =>
  ComputeBudgetProgram.setComputeUnitPrice({ microLamports });
const deactivate = () =>
  StakeProgram.deactivate({ stakePubkey: FIXED_STAKE_ACCOUNT, authorizedPubkey: signer })
    .instructions[0]!;

describe('device screens, app 1.9', () => {
  it('create + initialize + delegate, non-expert', () => {
    expect(screens(ledgerLiveStake())).toEqual([
      ['Delegate from', STAKE],
      ['Deposit', '1.00228288 SOL'],
      ['New authority', S],
      ['Vote account', VOTE],
    ]);
  });

  it('create + initialize + delegate, expert', () => {
    expect(screens(ledgerLiveStake(), { expertMode: true })).toEqual([
      ['Delegate from', STAKE],
      ['Deposit', '1.00228288 SOL'],
      ['From', S],
      ['Base', S],
      ['Seed', FIXED_SEED],
      ['New authority', S],
      ['Lockup', 'None'],
      ['Authorized by', S],
      ['Vote account', VOTE],
      ['Fee payer', S],
    ]);
  });

  it('flags expert-only screens when expert mode is unknown', () => {
    const review = predict(ledgerLiveStake(), { expertMode: null });
    const all = review.outcome === 'clearSign' ? review.screens : [];

    expect(review.outcome).toBe('clearSign');
    expect(all).toHaveLength(10);
    expect(all.filter((screen) => !screen.expertOnly).map((screen) => screen.title)).toEqual([
      'Delegate from',
      'Deposit',
      'New authority',
      'Vote account',
    ]);
  });

  it('shows Max fees second with a compute unit limit (4 instructions)', () => {
    expect(screens([limit(5000), ...ledgerLiveStake()])).toEqual([
      ['Delegate from', STAKE],
      ['Max fees', '0.000005 SOL'],
      ['Deposit', '1.00228288 SOL'],
      ['New authority', S],
      ['Vote account', VOTE],
    ]);
  });

  it('needs blind signing with limit + price + create + initialize + delegate', () => {
    expect(predict([limit(5000), price(1000), ...ledgerLiveStake()])).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'tooManyInstructions', instructionCount: 5, maxInstructions: 4 },
    });
  });

  it('computes Max fees from the price and the default units', () => {
    expect(screens([price(100_000), ...ledgerLiveStake()])[1]).toEqual([
      'Max fees',
      '0.000085 SOL',
    ]);
  });

  it('strips a leading nonce advance; expert shows the nonce before the fee payer', () => {
    const nonceAccount = new PublicKey(address(60));
    const advance = SystemProgram.nonceAdvance({
      noncePubkey: nonceAccount,
      authorizedPubkey: signer,
    });

    expect(screens([advance, ...ledgerLiveStake()])).toEqual(screens(ledgerLiveStake()));
    expect(screens([advance, ...ledgerLiveStake()], { expertMode: true }).slice(-3)).toEqual([
      ['Nonce account', nonceAccount.toBase58()],
      ['Nonce authority', S],
      ['Fee payer', S],
    ]);
  });

  it('create + initialize with split authorities and a lockup', () => {
    const custodian = speculos.account1;
    const instructions = ledgerLiveStake(
      new Lockup(1_735_689_600, 800, custodian),
      custodian,
    ).slice(0, 2);
    expect(screens(instructions)).toEqual([
      ['Create stake acct', STAKE],
      ['Deposit', '1.00228288 SOL'],
      ['New stake auth', S],
      ['New withdraw auth', custodian.toBase58()],
      ['Lockup time', '2025-01-01 00:00:00'],
      ['Lockup epoch', '800'],
      ['Lockup authority', custodian.toBase58()],
    ]);
  });

  it('delegate, deactivate, withdraw, authorize and merge of existing accounts', () => {
    const other = new PublicKey(address(61));
    expect(
      screens(
        StakeProgram.delegate({
          stakePubkey: FIXED_STAKE_ACCOUNT,
          authorizedPubkey: signer,
          votePubkey: FIGMENT_VOTE,
        }).instructions,
      ),
    ).toEqual([
      ['Delegate from', STAKE],
      ['Vote account', VOTE],
    ]);
    expect(screens([deactivate()])).toEqual([['Deactivate stake', STAKE]]);
    expect(screens([limit(1000), price(50_000), deactivate()])).toEqual([
      ['Deactivate stake', STAKE],
      ['Max fees', '0.00000505 SOL'],
    ]);
    expect(
      screens(
        StakeProgram.withdraw({
          stakePubkey: FIXED_STAKE_ACCOUNT,
          authorizedPubkey: signer,
          toPubkey: speculos.account1,
          lamports: 2_000_000_000,
        }).instructions,
      ),
    ).toEqual([
      ['Stake withdraw', '2 SOL'],
      ['From', STAKE],
      ['To', speculos.account1.toBase58()],
    ]);
    expect(
      screens(
        StakeProgram.authorize({
          stakePubkey: FIXED_STAKE_ACCOUNT,
          authorizedPubkey: signer,
          newAuthorizedPubkey: speculos.account1,
          stakeAuthorizationType: StakeAuthorizationLayout.Withdrawer,
        }).instructions,
      ),
    ).toEqual([
      ['Set stake auth', STAKE],
      ['New withdraw auth', speculos.account1.toBase58()],
    ]);
    expect(
      screens(
        StakeProgram.merge({
          stakePubkey: FIXED_STAKE_ACCOUNT,
          sourceStakePubKey: other,
          authorizedPubkey: signer,
        }).instructions,
      ),
    ).toEqual([
      ['Merge', other.toBase58()],
      ['Into', STAKE],
    ]);
  });

  it('splitWithSeed: clear without a reserve, blind with one (Transfer in the wrong place)', () => {
    const destination = new PublicKey(address(62));
    const params = {
      stakePubkey: FIXED_STAKE_ACCOUNT,
      authorizedPubkey: signer,
      splitStakePubkey: destination,
      basePubkey: signer,
      seed: 'stake:1',
      lamports: Number(SOL),
    };

    expect(screens(StakeProgram.splitWithSeed(params).instructions)).toEqual([
      ['Split stake', '1 SOL'],
      ['From', STAKE],
      ['To', destination.toBase58()],
    ]);
    expect(
      predict(StakeProgram.splitWithSeed(params, Number(RENT_RESERVE)).instructions),
    ).toMatchObject({
      outcome: 'blindSign',
      reason: {
        kind: 'unrecognizedPattern',
        actionKinds: ['systemAllocateWithSeed', 'systemTransfer', 'stakeSplit'],
      },
    });
  });

  it('the wallet’s prefunded split: prefund shown only in expert mode', () => {
    const built = buildSplit(
      {
        stakeAccount: FIXED_STAKE_ACCOUNT,
        seed: 'stake:1',
        lamports: SOL,
        prefundLamports: RENT_RESERVE,
      },
      blockhashContext('1.9.0'),
    );
    const instructions = built.instructions;
    const destination = built.destination.toBase58();

    expect(screens(instructions)).toEqual([
      ['Split stake', '1 SOL'],
      ['From', STAKE],
      ['To', destination],
    ]);
    expect(screens(instructions, { expertMode: true })).toEqual([
      ['Split stake', '1 SOL'],
      ['Prefund', '0.00228288 SOL'],
      ['Prefunder', S],
      ['From', STAKE],
      ['To', destination],
      ['Base', S],
      ['Seed', 'stake:1'],
      ['Authorized by', S],
      ['Fee payer', S],
    ]);
  });

  it('shows both new authorities of a plain Authorize pair separately', () => {
    const authorize = (type: typeof StakeAuthorizationLayout.Staker) =>
      StakeProgram.authorize({
        stakePubkey: FIXED_STAKE_ACCOUNT,
        authorizedPubkey: signer,
        newAuthorizedPubkey: speculos.account1,
        stakeAuthorizationType: type,
      }).instructions[0]!;
    const pair = [
      authorize(StakeAuthorizationLayout.Staker),
      authorize(StakeAuthorizationLayout.Withdrawer),
    ];

    expect(screens(pair)).toEqual([
      ['Set stake auth', STAKE],
      ['New stake auth', speculos.account1.toBase58()],
      ['New withdraw auth', speculos.account1.toBase58()],
    ]);
    expect(screens(pair, { appVersion: '1.14.0' })).toEqual([
      ['Set stake auth', STAKE],
      ['New authorities', speculos.account1.toBase58()],
    ]);
    expect(predict([pair[1]!, pair[0]!])).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'unrecognizedPattern' },
    });
  });

  it('shortens public keys in short display mode', () => {
    expect(screens([deactivate()], { pubkeyDisplay: 'short' })).toEqual([
      ['Deactivate stake', 'AH9SphF..5Cmh6VQ'],
    ]);
  });

  it('shows the fee payer when it is not the signer', () => {
    expect(screens([deactivate()], { payer: speculos.account1 })).toEqual([
      ['Deactivate stake', STAKE],
      ['Fee payer', speculos.account1.toBase58()],
    ]);
  });

  it('counts a memo against the limit without showing it', () => {
    const memo = new TransactionInstruction({
      programId: new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'),
      keys: [],
      data: Buffer.from('hi'),
    });
    expect(screens([...ledgerLiveStake(), memo])).toEqual(screens(ledgerLiveStake()));
    expect(predict([limit(1), ...ledgerLiveStake(), memo])).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'tooManyInstructions' },
    });
  });

  it('needs blind signing for a compute budget instruction after the operation', () => {
    expect(predict([deactivate(), limit(1000)])).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'computeBudgetNotLeading', instructionIndex: 1 },
    });
    expect(predict([limit(1000)])).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'computeBudgetOnly' },
    });
    expect(predict([limit(1000), price(1)])).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'computeBudgetOnly' },
    });
  });

  it('needs blind signing for AuthorizeWithSeed and unknown programs', () => {
    const withSeed = StakeProgram.authorizeWithSeed({
      stakePubkey: FIXED_STAKE_ACCOUNT,
      authorityBase: signer,
      authoritySeed: 's',
      authorityOwner: SystemProgram.programId,
      newAuthorizedPubkey: speculos.account1,
      stakeAuthorizationType: StakeAuthorizationLayout.Staker,
    }).instructions;
    expect(predict(withSeed)).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'unsupportedInstruction', actionKind: 'stakeAuthorizeWithSeed' },
    });

    const unknown = new TransactionInstruction({
      programId: OTHER_VOTE,
      keys: [],
      data: Buffer.from([1]),
    });
    const review = predict([unknown]);
    expect(review).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'unsupportedInstruction', actionKind: 'unknown' },
    });
    expect(review.outcome === 'blindSign' && review.screens.map((screen) => screen.title)).toEqual([
      'Unrecognized',
      'Message Hash',
    ]);
  });

  it('refuses when the device key is not a required signer', () => {
    expect(predict([deactivate()], { deviceSigner: speculos.account1 })).toMatchObject({
      outcome: 'refused',
      reason: 'signerNotRequired',
    });
  });
});

describe('device screens, current app line', () => {
  const current = { appVersion: '1.15.0' };

  it('uses the newer labels and names Ledger’s vote accounts', () => {
    expect(screens(ledgerLiveStake(), current)).toEqual([
      ['Delegated from', STAKE],
      ['Deposit', '1.00228288 SOL'],
      ['New authority', S],
      ['Vote account', 'Ledger by Figment'],
    ]);
    expect(screens([deactivate()], current)).toEqual([['Stake account', STAKE]]);
    expect(
      screens(
        StakeProgram.withdraw({
          stakePubkey: FIXED_STAKE_ACCOUNT,
          authorizedPubkey: signer,
          toPubkey: speculos.account1,
          lamports: 1,
        }).instructions,
        current,
      ),
    ).toEqual([
      ['Amount', '0.000000001 SOL'],
      ['From stake account', STAKE],
      ['To', speculos.account1.toBase58()],
    ]);
  });

  it('clear-signs limit + price + create + initialize + delegate, Max fees last', () => {
    expect(screens([limit(5000), price(1000), ...ledgerLiveStake()], current)).toEqual([
      ['Delegated from', STAKE],
      ['Deposit', '1.00228288 SOL'],
      ['New authority', S],
      ['Vote account', 'Ledger by Figment'],
      ['Max fees', '0.000005005 SOL'],
    ]);
  });

  it('prints the vote account address for other validators', () => {
    const delegate = StakeProgram.delegate({
      stakePubkey: FIXED_STAKE_ACCOUNT,
      authorizedPubkey: signer,
      votePubkey: OTHER_VOTE,
    }).instructions;
    expect(screens(delegate, current)).toEqual([
      ['Delegated from', STAKE],
      ['Vote account', OTHER_VOTE.toBase58()],
    ]);
  });

  it('shows the prefund of the wallet’s split outside expert mode', () => {
    const built = buildSplit(
      {
        stakeAccount: FIXED_STAKE_ACCOUNT,
        seed: 'stake:1',
        lamports: SOL,
        prefundLamports: RENT_RESERVE,
      },
      blockhashContext('1.15.0'),
    );
    expect(screens(built.instructions, current)).toEqual([
      ['Split stake', '1 SOL'],
      ['From', STAKE],
      ['To', built.destination.toBase58()],
      ['Prefund', '0.00228288 SOL'],
    ]);
  });

  it('rejects a create + initialize + delegate whose accounts differ', () => {
    const instructions = ledgerLiveStake();
    const otherDelegate = StakeProgram.delegate({
      stakePubkey: new PublicKey(address(63)),
      authorizedPubkey: signer,
      votePubkey: FIGMENT_VOTE,
    }).instructions[0]!;
    const mixed = [instructions[0]!, instructions[1]!, otherDelegate];

    expect(predict(mixed).outcome).toBe('clearSign');
    expect(predict(mixed, current)).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'accountsMismatch' },
    });
  });

  it('allows six instructions but no more', () => {
    const nonce = SystemProgram.nonceAdvance({
      noncePubkey: new PublicKey(address(64)),
      authorizedPubkey: signer,
    });
    expect(predict([nonce, limit(5000), price(1), ...ledgerLiveStake()], current).outcome).toBe(
      'clearSign',
    );

    const memo = new TransactionInstruction({
      programId: new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'),
      keys: [],
      data: Buffer.from('x'),
    });
    expect(
      predict([nonce, limit(5000), price(1), ...ledgerLiveStake(), memo], current),
    ).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'tooManyInstructions', instructionCount: 7, maxInstructions: 6 },
    });
  });
});
