import {
  Keypair,
  PublicKey,
  SystemProgram,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import bs58 from 'bs58';

import { advanceNonceInstruction } from '../../../src/main/stake/instructions/system';

/** Fixed test keys, so failures print the same addresses every run. */
export const payer = Keypair.fromSeed(new Uint8Array(32).fill(7));
export const recipient = new PublicKey(new Uint8Array(32).fill(9));
export const nonceAccount = new PublicKey(new Uint8Array(32).fill(11));
export const nonceValue = bs58.encode(new Uint8Array(32).fill(13));
export const blockhash = bs58.encode(new Uint8Array(32).fill(15));

export function transferMessage(options: { nonce: boolean }): Uint8Array {
  const instructions = [
    SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: recipient, lamports: 1_000 }),
  ];
  if (options.nonce) {
    instructions.unshift(advanceNonceInstruction(nonceAccount, payer.publicKey));
  }
  return new TransactionMessage({
    payerKey: payer.publicKey,
    recentBlockhash: options.nonce ? nonceValue : blockhash,
    instructions,
  })
    .compileToLegacyMessage()
    .serialize();
}

/** Signs message bytes with the test payer and returns the base-58 signature. */
export function signWithPayer(message: Uint8Array): string {
  const transaction = VersionedTransaction.deserialize(
    Uint8Array.from([1, ...new Uint8Array(64), ...message]),
  );
  transaction.sign([payer]);
  return bs58.encode(transaction.signatures[0]!);
}
