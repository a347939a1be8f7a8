import {
  ComputeBudgetProgram,
  PublicKey,
  StakeProgram,
  SystemProgram,
  Transaction,
} from '@solana/web3.js';

/** Any 32 bytes serve as a blockhash here; the device never checks it. */
const BLOCKHASH = new PublicKey(Buffer.alloc(32, 3)).toBase58();
/** Ledger by Figment's vote account, which the app names on its screens. */
export const FIGMENT_VOTE_ACCOUNT = new PublicKey('26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx');

/** A one-instruction transfer from `signer`, which every app version shows in clear. */
export function transferMessage(signer: Uint8Array, recipient: Uint8Array): Uint8Array {
  const from = new PublicKey(signer);
  const transaction = new Transaction({ feePayer: from, recentBlockhash: BLOCKHASH }).add(
    SystemProgram.transfer({ fromPubkey: from, toPubkey: new PublicKey(recipient), lamports: 42 }),
  );
  return Uint8Array.from(transaction.serializeMessage());
}

/**
 * Ledger Live's staking shape with a priority fee: compute-unit limit and price, then
 * create-with-seed, initialize and delegate. Five instructions are one more than app 1.9
 * shows in clear, so it needs blind signing there.
 */
export async function priorityStakeMessage(signer: Uint8Array): Promise<Uint8Array> {
  const base = new PublicKey(signer);
  const seed = 'stake:0123456789abcdef0123456789';
  const stakeAccount = await PublicKey.createWithSeed(base, seed, StakeProgram.programId);

  const transaction = new Transaction({ feePayer: base, recentBlockhash: BLOCKHASH })
    .add(ComputeBudgetProgram.setComputeUnitLimit({ units: 20_000 }))
    .add(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 100_000 }))
    .add(
      StakeProgram.createAccountWithSeed({
        fromPubkey: base,
        stakePubkey: stakeAccount,
        basePubkey: base,
        seed,
        authorized: { staker: base, withdrawer: base },
        lamports: 1_002_282_880,
      }),
    )
    .add(
      StakeProgram.delegate({
        stakePubkey: stakeAccount,
        authorizedPubkey: base,
        votePubkey: FIGMENT_VOTE_ACCOUNT,
      }),
    );
  return Uint8Array.from(transaction.serializeMessage());
}
