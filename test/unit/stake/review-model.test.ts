import { createHash } from 'node:crypto';

import {
  AddressLookupTableAccount,
  ComputeBudgetProgram,
  MessageV0,
  PublicKey,
  StakeAuthorizationLayout,
  StakeProgram,
  SystemProgram,
  TransactionInstruction,
  TransactionMessage,
} from '@solana/web3.js';
import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';

import {
  buildCreateAndDelegate,
  buildReviewModel,
  messageHashOf,
  parseMessage,
} from '../../../src/main/stake';
import type { ReviewContext, ValidatorFacts } from '../../../src/main/stake';
import { reviewModelSchema } from '../../../src/shared/domain/stake';
import { isWalletError } from '../../../src/shared/errors';
import {
  address,
  BLOCKHASH,
  blockhashContext,
  FIGMENT_VOTE,
  FIXED_SEED,
  OTHER_VOTE,
  RENT_RESERVE,
  SOL,
  speculos,
} from './fixtures';

const signer = speculos.account0;
const labels = new Map([
  [signer.toBase58(), "Ledger account 1, 44'/501'/0'"],
  [speculos.account1.toBase58(), "Ledger account 2, 44'/501'/1'"],
]);

function context(overrides: Partial<ReviewContext> = {}): ReviewContext {
  return { signer: signer.toBase58(), appVersion: '1.9.0', labels, ...overrides };
}

function legacyBytes(instructions: TransactionInstruction[], payer = signer): Uint8Array {
  return new TransactionMessage({ payerKey: payer, recentBlockhash: BLOCKHASH, instructions })
    .compileToLegacyMessage()
    .serialize();
}

const stakeBuilt = () =>
  buildCreateAndDelegate(
    {
      seed: FIXED_SEED,
      voteAccount: FIGMENT_VOTE,
      stakeLamports: SOL,
      rentExemptReserveLamports: RENT_RESERVE,
    },
    blockhashContext('1.9.0', { computeBudget: { microLamportsPerUnit: 20_000n } }),
  );

describe('buildReviewModel', () => {
  it('produces plain data that matches the shared schema', () => {
    const model = buildReviewModel(stakeBuilt().message.serialize(), context());
    expect(reviewModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it('hashes the message bytes as the device does when blind signing', () => {
    const bytes = stakeBuilt().message.serialize();
    const expected = bs58.encode(createHash('sha256').update(bytes).digest());
    expect(buildReviewModel(bytes, context()).messageHash).toBe(expected);
    expect(messageHashOf(bytes)).toBe(expected);
  });

  it('describes each instruction with the person’s labels and SOL amounts', () => {
    const model = buildReviewModel(stakeBuilt().message.serialize(), context());
    expect(model.instructions.map((instruction) => instruction.summary)).toEqual([
      'Pay a priority fee of 20000 micro-lamports per compute unit.',
      expect.stringContaining("funded with 1.00228288 SOL from Ledger account 1, 44'/501'/0'."),
      expect.stringContaining("stake authority Ledger account 1, 44'/501'/0'"),
      `Delegate stake account ${stakeBuilt().stakeAccount.toBase58()} to validator ${FIGMENT_VOTE.toBase58()}; the stake starts earning after it activates at an epoch boundary.`,
    ]);
    expect(model.addresses.find((entry) => entry.address === signer.toBase58())).toEqual({
      address: signer.toBase58(),
      label: "Ledger account 1, 44'/501'/0'",
      wellKnownName: null,
      own: true,
      signer: true,
      writable: true,
    });
    expect(model.addresses.find((entry) => entry.wellKnownName === 'Stake program')?.writable).toBe(
      false,
    );
  });

  it('estimates the fee from the compiled message', () => {
    const model = buildReviewModel(
      stakeBuilt().message.serialize(),
      context({ lamportsPerSignature: 5000n }),
    );
    // 3 instructions other than compute budget: 600 000 units at 20 000 micro-lamports = 12 000 lamports.
    expect(model.fee).toEqual({
      signatureLamports: '5000',
      priorityLamports: '12000',
      totalLamports: '17000',
      computeUnitLimit: 600_000,
      computeUnitPriceMicroLamports: '20000',
    });
  });

  it('rounds the priority fee up to a whole lamport', () => {
    const bytes = legacyBytes([
      ComputeBudgetProgram.setComputeUnitLimit({ units: 1000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1 }),
      SystemProgram.transfer({ fromPubkey: signer, toPubkey: speculos.account1, lamports: 1 }),
    ]);
    expect(buildReviewModel(bytes, context()).fee).toMatchObject({
      priorityLamports: '1',
      totalLamports: '5001',
      computeUnitLimit: 1000,
    });
  });

  it('reports the transaction size with its signature', () => {
    const built = stakeBuilt();
    const model = buildReviewModel(built.message.serialize(), context());
    expect(model.transactionSizeBytes).toBe(built.sizeBytes);
    expect(model.maxTransactionSizeBytes).toBe(1232);
  });
});

describe('review of v0 messages', () => {
  const table = new PublicKey(address(70));
  const tableAddresses = [new PublicKey(address(71)), new PublicKey(address(72))];
  const lookup = new AddressLookupTableAccount({
    key: table,
    state: {
      deactivationSlot: 2n ** 64n - 1n,
      lastExtendedSlot: 0,
      lastExtendedSlotStartIndex: 0,
      authority: undefined,
      addresses: tableAddresses,
    },
  });
  const transfer = SystemProgram.transfer({
    fromPubkey: signer,
    toPubkey: tableAddresses[1]!,
    lamports: 42,
  });

  it('clear-signs a v0 message without lookup tables', () => {
    const bytes = MessageV0.compile({
      payerKey: signer,
      recentBlockhash: BLOCKHASH,
      instructions: [transfer],
    }).serialize();
    const model = buildReviewModel(bytes, context());

    expect(model.messageVersion).toBe('v0');
    expect(model.instructions[0]?.action).toEqual({
      kind: 'systemTransfer',
      from: signer.toBase58(),
      to: tableAddresses[1]!.toBase58(),
      lamports: '42',
    });
    expect(model.device.outcome).toBe('clearSign');
  });

  it('marks accounts from lookup tables and requires blind signing', () => {
    const bytes = MessageV0.compile({
      payerKey: signer,
      recentBlockhash: BLOCKHASH,
      instructions: [transfer],
      addressLookupTableAccounts: [lookup],
    }).serialize();
    const model = buildReviewModel(bytes, context());

    expect(model.addressLookupTables).toEqual([
      { table: table.toBase58(), writableIndexes: [1], readonlyIndexes: [] },
    ]);
    expect(model.instructions[0]?.action).toMatchObject({
      kind: 'systemTransfer',
      to: `lookup:${table.toBase58()}:1`,
    });
    expect(model.device).toMatchObject({
      outcome: 'blindSign',
      reason: { kind: 'addressLookupTables', tableCount: 1 },
    });
    expect(model.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'addressLookupTables', tableCount: 1 },
        { kind: 'blindSigningRequired' },
      ]),
    );
    expect(model.addresses.at(-1)).toMatchObject({ writable: true, signer: false });
  });

  it('uses lookup table contents when they are supplied', () => {
    const bytes = MessageV0.compile({
      payerKey: signer,
      recentBlockhash: BLOCKHASH,
      instructions: [transfer],
      addressLookupTableAccounts: [lookup],
    }).serialize();
    const model = buildReviewModel(
      bytes,
      context({
        resolvedLookupTables: new Map([
          [table.toBase58(), tableAddresses.map((key) => key.toBase58())],
        ]),
      }),
    );
    expect(model.instructions[0]?.action).toMatchObject({ to: tableAddresses[1]!.toBase58() });
  });
});

describe('review warnings', () => {
  it('warns about programs it cannot read', () => {
    const unknown = new TransactionInstruction({
      programId: OTHER_VOTE,
      keys: [],
      data: Buffer.from([9]),
    });
    const model = buildReviewModel(legacyBytes([unknown]), context());
    expect(model.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'unknownProgram', programId: OTHER_VOTE.toBase58(), instructionIndex: 0 },
        { kind: 'blindSigningRequired' },
      ]),
    );
    expect(model.instructions[0]?.program).toBe('other');
  });

  it('warns when a large share of a balance leaves, fee included', () => {
    const bytes = legacyBytes([
      SystemProgram.transfer({
        fromPubkey: signer,
        toPubkey: speculos.account1,
        lamports: 495_000,
      }),
    ]);
    const model = buildReviewModel(
      bytes,
      context({ balances: new Map([[signer.toBase58(), 1_000_000n]]) }),
    );
    expect(model.warnings).toContainEqual({
      kind: 'largeShareOfBalance',
      account: signer.toBase58(),
      outgoingLamports: '500000',
      balanceLamports: '1000000',
      percent: 50,
    });

    const small = buildReviewModel(
      bytes,
      context({ balances: new Map([[signer.toBase58(), 10n * SOL]]) }),
    );
    expect(small.warnings.some((warning) => warning.kind === 'largeShareOfBalance')).toBe(false);
  });

  it('warns about delinquent, expensive and superminority validators', () => {
    const facts: ValidatorFacts = { delinquent: true, commissionPercent: 12, superminority: true };
    const model = buildReviewModel(
      stakeBuilt().message.serialize(),
      context({ validatorLookup: () => facts }),
    );
    const vote = FIGMENT_VOTE.toBase58();
    expect(model.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'validatorDelinquent', voteAccount: vote },
        { kind: 'validatorHighCommission', voteAccount: vote, commissionPercent: 12 },
        { kind: 'validatorSuperminority', voteAccount: vote },
      ]),
    );
    const unknown = buildReviewModel(
      stakeBuilt().message.serialize(),
      context({ validatorLookup: () => undefined }),
    );
    expect(unknown.warnings).toContainEqual({ kind: 'validatorUnknown', voteAccount: vote });
    const healthy = buildReviewModel(
      stakeBuilt().message.serialize(),
      context({
        validatorLookup: () => ({ delinquent: false, commissionPercent: 5, superminority: false }),
      }),
    );
    expect(healthy.warnings).toEqual([]);
  });

  it('warns when an authority moves to a key that is not the person’s', () => {
    const outsider = new PublicKey(address(73));
    const authorize = (newAuthorizedPubkey: PublicKey) =>
      StakeProgram.authorize({
        stakePubkey: new PublicKey(address(74)),
        authorizedPubkey: signer,
        newAuthorizedPubkey,
        stakeAuthorizationType: StakeAuthorizationLayout.Withdrawer,
      }).instructions;

    expect(buildReviewModel(legacyBytes(authorize(outsider)), context()).warnings).toContainEqual({
      kind: 'authorityChangeToOtherKey',
      stakeAccount: address(74),
      newAuthority: outsider.toBase58(),
    });
    expect(buildReviewModel(legacyBytes(authorize(speculos.account1)), context()).warnings).toEqual(
      [],
    );
  });

  it('names an own authority from instruction data', () => {
    const instructions = StakeProgram.authorize({
      stakePubkey: new PublicKey(address(75)),
      authorizedPubkey: signer,
      newAuthorizedPubkey: speculos.account1,
      stakeAuthorizationType: StakeAuthorizationLayout.Withdrawer,
    }).instructions;

    const review = buildReviewModel(legacyBytes(instructions), context());

    expect(review.addresses.map((entry) => entry.address)).not.toContain(
      speculos.account1.toBase58(),
    );
    expect(review.mentionedAddresses).toEqual([
      {
        address: speculos.account1.toBase58(),
        label: "Ledger account 2, 44'/501'/1'",
        wellKnownName: null,
        own: true,
        signer: false,
        writable: false,
      },
    ]);
  });

  it('warns about SOL leaving for a stranger', () => {
    const stranger = new PublicKey(address(76));
    const toStranger = SystemProgram.transfer({
      fromPubkey: signer,
      toPubkey: stranger,
      lamports: 7,
    });
    const toSavings = SystemProgram.transfer({
      fromPubkey: signer,
      toPubkey: speculos.account1,
      lamports: 7,
    });

    expect(buildReviewModel(legacyBytes([toStranger]), context()).warnings).toEqual([
      { kind: 'fundsToOtherKey', from: signer.toBase58(), to: stranger.toBase58(), lamports: '7' },
    ]);
    expect(buildReviewModel(legacyBytes([toSavings]), context()).warnings).toEqual([]);
    // Without the person's own addresses every recipient would look foreign.
    expect(
      buildReviewModel(legacyBytes([toStranger]), context({ labels: new Map() })).warnings,
    ).toEqual([]);
  });

  it('warns about a stake withdrawal to a stranger', () => {
    const stranger = new PublicKey(address(77));
    const withdraw = StakeProgram.withdraw({
      stakePubkey: new PublicKey(address(78)),
      authorizedPubkey: signer,
      toPubkey: stranger,
      lamports: 1_000,
    }).instructions;

    expect(buildReviewModel(legacyBytes(withdraw), context()).warnings).toContainEqual({
      kind: 'fundsToOtherKey',
      from: address(78),
      to: stranger.toBase58(),
      lamports: '1000',
    });
  });

  it('warns about a fee above the threshold', () => {
    const instructions = [
      ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 }),
      ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1_000_000_000 }),
      SystemProgram.transfer({ fromPubkey: signer, toPubkey: speculos.account1, lamports: 1 }),
    ];

    const review = buildReviewModel(legacyBytes(instructions), context());

    expect(review.warnings).toContainEqual({
      kind: 'highFee',
      feeLamports: '1400005000',
      priorityLamports: '1400000000',
    });
    expect(
      buildReviewModel(legacyBytes(instructions), context({ highFeeLamports: 2_000_000_000n }))
        .warnings,
    ).not.toContainEqual(expect.objectContaining({ kind: 'highFee' }));
  });

  it('flags foreign fee payer and signer', () => {
    const transfer = SystemProgram.transfer({
      fromPubkey: speculos.account1,
      toPubkey: signer,
      lamports: 1,
    });
    const model = buildReviewModel(legacyBytes([transfer], speculos.account1), context());
    expect(model.device.outcome).toBe('refused');
    expect(model.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'signerNotRequired', signer: signer.toBase58() },
        { kind: 'feePayerNotSigner', feePayer: speculos.account1.toBase58() },
      ]),
    );
  });
});

describe('parseMessage', () => {
  function decodeError(bytes: Uint8Array): string {
    try {
      parseMessage(bytes);
    } catch (error) {
      if (!isWalletError(error) || error.code !== 'MESSAGE_DECODE_FAILED') {
        return 'other error';
      }
      const { reason } = error.context as { reason: string };
      return `${error.code}: ${reason}`;
    }
    return 'parsed';
  }

  it('rejects truncated, padded and unknown-version messages', () => {
    const bytes = stakeBuilt().message.serialize();
    expect(decodeError(bytes.subarray(0, bytes.length - 3))).toMatch(/^MESSAGE_DECODE_FAILED/);
    expect(decodeError(Buffer.concat([bytes, Buffer.from([0])]))).toMatch(
      /follow the end of the message/,
    );
    expect(decodeError(Uint8Array.from([0x81, ...bytes]))).toMatch(/version 1 is not supported/);
    expect(decodeError(new Uint8Array())).toMatch(/^MESSAGE_DECODE_FAILED/);
  });

  it('rejects account indexes outside the message', () => {
    const bytes = Uint8Array.from(
      legacyBytes([
        SystemProgram.transfer({ fromPubkey: signer, toPubkey: speculos.account1, lamports: 1 }),
      ]),
    );
    // The last account index byte of the transfer sits before its data length (1) and 12 data bytes.
    bytes[bytes.length - 14] = 40;
    expect(decodeError(bytes)).toMatch(/account index 40 is past/);
  });

  it('reads the header and keys of a legacy message', () => {
    const { message } = stakeBuilt();
    const parsed = parseMessage(message.serialize());
    expect(parsed.version).toBe('legacy');
    expect(parsed.header).toEqual(message.header);
    expect(parsed.staticKeys).toEqual(message.accountKeys.map((key) => key.toBase58()));
    expect(parsed.staticKeys[0]).toBe(signer.toBase58());
    expect(parsed.recentBlockhash).toBe(BLOCKHASH);
  });
});
