import {
  type PublicKey,
  SystemProgram,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';

import type { LocalChainService } from './localChain';
import type { TransactionProcessor } from './transactionProcessor';

/**
 * Sends `lamports` from the genesis payer to `recipient` in a real System transfer, so the
 * funding shows in the recipient's transaction history like an airdrop on devnet.
 * Returns the transaction signature.
 */
export async function transferFromFaucet(
  chain: LocalChainService,
  processor: TransactionProcessor,
  recipient: PublicKey,
  lamports: bigint,
): Promise<string> {
  if (lamports <= 0n) {
    throw new RangeError(`lamports must be positive, got ${lamports}`);
  }

  const { blockhash } = await chain.latestBlockhash();
  const message = new TransactionMessage({
    payerKey: chain.payer.publicKey,
    recentBlockhash: blockhash,
    instructions: [
      SystemProgram.transfer({
        fromPubkey: chain.payer.publicKey,
        toPubkey: recipient,
        lamports,
      }),
    ],
  }).compileToLegacyMessage();
  const transaction = new VersionedTransaction(message);
  transaction.sign([chain.payer]);

  const result = await processor.submit(transaction);
  if (result.kind === 'dropped') {
    throw new Error(`faucet transfer to ${recipient.toBase58()} was dropped: ${result.errMessage}`);
  }
  if (result.record.err !== null) {
    throw new Error(
      `faucet transfer to ${recipient.toBase58()} failed: ${JSON.stringify(result.record.err)}`,
    );
  }
  return result.record.signature;
}
