import {
  StakeProgram,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';

import type { LocalChainService } from './localChain';
import type { TransactionProcessor } from './transactionProcessor';

/** Index of `StakeInstruction::GetMinimumDelegation`, which sets the value as return data. */
const GET_MINIMUM_DELEGATION = 13;

/**
 * Asks the stake program for its minimum delegation by simulating GetMinimumDelegation,
 * so the value follows the runtime's feature set (1 SOL once
 * `stake_raise_minimum_delegation_to_1_sol` is active) rather than a constant here.
 */
export async function readStakeMinimumDelegation(
  chain: LocalChainService,
  processor: TransactionProcessor,
): Promise<bigint> {
  const data = Buffer.alloc(4);
  data.writeUInt32LE(GET_MINIMUM_DELEGATION);
  const { blockhash } = await chain.latestBlockhash();
  const message = new TransactionMessage({
    payerKey: chain.payer.publicKey,
    recentBlockhash: blockhash,
    instructions: [
      new TransactionInstruction({ programId: StakeProgram.programId, keys: [], data }),
    ],
  }).compileToLegacyMessage();
  const transaction = new VersionedTransaction(message);
  transaction.sign([chain.payer]);

  const result = await processor.simulate(transaction);
  if (result.err !== null || result.returnData === null || result.returnData.data.length < 8) {
    throw new Error(
      `GetMinimumDelegation simulation failed: ${result.errMessage ?? 'no return data'}`,
    );
  }
  return Buffer.from(result.returnData.data).readBigUInt64LE(0);
}
