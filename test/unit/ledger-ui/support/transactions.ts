import {
  ComputeBudgetProgram,
  type Keypair,
  PublicKey,
  StakeProgram,
  SystemProgram,
  Transaction,
  TransactionMessage,
  VersionedTransaction,
  type TransactionInstruction,
} from '@solana/web3.js';

/** Any 32 bytes serve as a blockhash here: these reviews have no cluster to check it against. */
export const BLOCKHASH = new PublicKey(Buffer.alloc(32, 3)).toBase58();
/** Ledger by Figment's vote account. */
export const FIGMENT_VOTE = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');
const SEED = 'stake:0123456789abcdef0123456789';

/** Builds Ledger Live's stake shape: create-with-seed, initialize and delegate. */
export async function stakeInstructions(owner: string): Promise<TransactionInstruction[]> {
  const base = new PublicKey(owner);
  const stakeAccount = await PublicKey.createWithSeed(base, SEED, StakeProgram.programId);
  return [
    ...StakeProgram.createAccountWithSeed({
      fromPubkey: base,
      stakePubkey: stakeAccount,
      basePubkey: base,
      seed: SEED,
      authorized: { staker: base, withdrawer: base },
      lamports: 1_002_282_880,
    }).instructions,
    ...StakeProgram.delegate({
      stakePubkey: stakeAccount,
      authorizedPubkey: base,
      votePubkey: FIGMENT_VOTE,
    }).instructions,
  ];
}

/**
 * Builds the stake instructions with a compute-unit limit and price in front. Five
 * instructions are one more than Solana app 1.9 shows in clear.
 */
export async function priorityStakeInstructions(owner: string): Promise<TransactionInstruction[]> {
  return [
    ComputeBudgetProgram.setComputeUnitLimit({ units: 20_000 }),
    ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 100_000 }),
    ...(await stakeInstructions(owner)),
  ];
}

export function transferInstruction(from: string, to: string): TransactionInstruction {
  return SystemProgram.transfer({
    fromPubkey: new PublicKey(from),
    toPubkey: new PublicKey(to),
    lamports: 42,
  });
}

/** Serializes a legacy transaction paid by `feePayer`, with empty slots for missing signatures. */
export function legacyTransactionBytes(
  feePayer: string,
  instructions: TransactionInstruction[],
  signers: Keypair[] = [],
): Buffer {
  const transaction = new Transaction({
    feePayer: new PublicKey(feePayer),
    recentBlockhash: BLOCKHASH,
  }).add(...instructions);
  if (signers.length > 0) {
    transaction.partialSign(...signers);
  }
  return transaction.serialize({ requireAllSignatures: false, verifySignatures: false });
}

export function legacyMessageBytes(
  feePayer: string,
  instructions: TransactionInstruction[],
): Buffer {
  return new Transaction({ feePayer: new PublicKey(feePayer), recentBlockhash: BLOCKHASH })
    .add(...instructions)
    .serializeMessage();
}

export function v0TransactionBytes(
  feePayer: string,
  instructions: TransactionInstruction[],
): Uint8Array {
  const message = new TransactionMessage({
    payerKey: new PublicKey(feePayer),
    recentBlockhash: BLOCKHASH,
    instructions,
  }).compileToV0Message();
  return new VersionedTransaction(message).serialize();
}
