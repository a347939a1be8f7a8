import { type TransactionInstruction } from '@solana/web3.js';

import { WalletError } from '../../shared/errors';
import type { BuildContext, BuiltTransaction } from './compose';
import { composeTransaction } from './compose';
import { buildReviewModel } from './review/review-model';

export interface BatchOptions {
  /**
   * Require the device to show every batch in clear, checked with the device model. The app
   * recognises one operation pattern per transaction, so in practice each batch then carries a
   * single group. Without it, only 1232 bytes and the instruction limit bound a batch.
   */
  clearSign: boolean;
}

export interface Batch {
  built: BuiltTransaction;
  /** Indexes of the input groups this transaction carries, in order. */
  groupIndexes: number[];
}

/**
 * Packs instruction groups (each one operation that must stay together) into as few
 * transactions as fit the size limit, the device's instruction limit and, with `clearSign`,
 * its clear-signing patterns. A group is never split across transactions, and a group is not
 * added to a batch when that would drop compute budget instructions the batch kept alone.
 *
 * @throws WalletError BATCH_EMPTY for no groups; TRANSACTION_TOO_LARGE or
 *   TRANSACTION_NOT_CLEAR_SIGNABLE when one group alone does not fit.
 */
export function batchInstructionGroups(
  groups: readonly TransactionInstruction[][],
  context: BuildContext,
  options: BatchOptions,
  operation = 'batch',
): Batch[] {
  if (groups.length === 0) {
    throw new WalletError('BATCH_EMPTY', { operation }, 'There is nothing to batch.');
  }

  const batches: Batch[] = [];
  let core: TransactionInstruction[] = [];
  let current: Batch | null = null;

  for (const [index, group] of groups.entries()) {
    if (current !== null) {
      const extended = tryCompose([...core, ...group], context, options);
      if (
        extended !== null &&
        extended.omittedComputeBudget.length <= current.built.omittedComputeBudget.length
      ) {
        core = [...core, ...group];
        current = { built: extended, groupIndexes: [...current.groupIndexes, index] };
        continue;
      }
      batches.push(current);
    }
    core = [...group];
    current = { built: composeAlone(group, context, options), groupIndexes: [index] };
  }

  if (current !== null) {
    batches.push(current);
  }
  return batches;
}

function tryCompose(
  instructions: TransactionInstruction[],
  context: BuildContext,
  options: BatchOptions,
): BuiltTransaction | null {
  try {
    const built = composeTransaction(instructions, context);
    return !options.clearSign || isClearSignable(built, context) ? built : null;
  } catch (error) {
    if (
      error instanceof WalletError &&
      (error.code === 'TRANSACTION_TOO_LARGE' || error.code === 'TRANSACTION_NOT_CLEAR_SIGNABLE')
    ) {
      return null;
    }
    throw error;
  }
}

function composeAlone(
  group: TransactionInstruction[],
  context: BuildContext,
  options: BatchOptions,
): BuiltTransaction {
  const built = composeTransaction(group, context);
  if (options.clearSign && !isClearSignable(built, context)) {
    throw new WalletError(
      'TRANSACTION_NOT_CLEAR_SIGNABLE',
      {
        appVersion: context.appVersion,
        instructionCount: built.instructions.length,
        maxInstructions: built.instructions.length,
      },
      `Solana app ${context.appVersion} cannot show this operation in clear even on its own.`,
    );
  }
  return built;
}

function isClearSignable(built: BuiltTransaction, context: BuildContext): boolean {
  const review = buildReviewModel(built.message.serialize(), {
    signer: context.signer.toBase58(),
    appVersion: context.appVersion,
  });
  return review.device.outcome === 'clearSign';
}
