import {
  type Message,
  type PublicKey,
  type TransactionInstruction,
  TransactionMessage,
} from '@solana/web3.js';

import { WalletError } from '../../shared/errors';
import { deviceProfileFor } from './device-profile';
import {
  setComputeUnitLimitInstruction,
  setComputeUnitPriceInstruction,
} from './instructions/compute-budget';
import { advanceNonceInstruction } from './instructions/system';
import { assertTransactionSize, legacyMessageSizeBytes, transactionSizeBytes } from './size';

/** How long the signed transaction stays valid. */
export type TransactionLifetime =
  | { kind: 'blockhash'; blockhash: string }
  /**
   * A durable nonce: AdvanceNonceAccount goes first and the nonce value replaces the recent
   * blockhash, so the signature stays valid until the nonce advances. The signer must be the
   * nonce authority, because the Ledger key is the only signer.
   */
  | { kind: 'nonce'; nonceAccount: PublicKey; nonceValue: string };

export interface ComputeBudgetRequest {
  /** Compute unit limit, for example the simulated units plus a margin. */
  unitLimit?: number;
  /** Priority fee rate in micro-lamports per compute unit. */
  microLamportsPerUnit?: bigint;
}

export type ComputeBudgetPart = 'unitLimit' | 'unitPrice';

/** Inputs every builder needs besides its own parameters. */
export interface BuildContext {
  /** The Ledger key: the fee payer and the only signer. */
  signer: PublicKey;
  lifetime: TransactionLifetime;
  /** Solana app version the device reports, which sets the instruction limit. */
  appVersion: string;
  computeBudget?: ComputeBudgetRequest;
}

export interface BuiltTransaction {
  message: Message;
  /** Instructions in message order, prefix included. */
  instructions: TransactionInstruction[];
  /** Compute budget instructions left out because the device could not show them in clear. */
  omittedComputeBudget: ComputeBudgetPart[];
  sizeBytes: number;
}

/**
 * Assembles a legacy message: AdvanceNonceAccount first when a nonce is used, then the
 * compute budget instructions, then the operation's own instructions. The device strips a
 * nonce advance and leading compute budget instructions before matching its patterns, but it
 * counts all of them against its instruction limit. So compute budget instructions are added
 * only while the total stays within that limit. The unit limit is dropped first, then the
 * price, and the result lists what was left out.
 *
 * @throws WalletError TRANSACTION_NOT_CLEAR_SIGNABLE when the operation alone is over the
 *   limit, TRANSACTION_TOO_LARGE above 1232 bytes.
 */
export function composeTransaction(
  core: TransactionInstruction[],
  context: BuildContext,
): BuiltTransaction {
  const profile = deviceProfileFor(context.appVersion);
  const prefix = lifetimePrefix(context);
  const required = prefix.length + core.length;

  if (required > profile.maxInstructions) {
    throw new WalletError(
      'TRANSACTION_NOT_CLEAR_SIGNABLE',
      {
        appVersion: context.appVersion,
        instructionCount: required,
        maxInstructions: profile.maxInstructions,
      },
      `The transaction needs ${required} instructions; Solana app ${context.appVersion} shows at most ${profile.maxInstructions} in clear.`,
    );
  }

  const { instructions: budget, omitted } = fitComputeBudget(
    context.computeBudget,
    profile.maxInstructions - required,
  );
  const instructions = [...prefix, ...budget, ...core];
  const message = new TransactionMessage({
    payerKey: context.signer,
    recentBlockhash: recentBlockhashOf(context.lifetime),
    instructions,
  }).compileToLegacyMessage();

  const sizeBytes = transactionSizeBytes(
    legacyMessageSizeBytes(message),
    message.header.numRequiredSignatures,
  );
  assertTransactionSize(sizeBytes);

  return { message, instructions, omittedComputeBudget: omitted, sizeBytes };
}

function lifetimePrefix(context: BuildContext): TransactionInstruction[] {
  switch (context.lifetime.kind) {
    case 'blockhash':
      return [];
    case 'nonce':
      return [advanceNonceInstruction(context.lifetime.nonceAccount, context.signer)];
  }
}

function recentBlockhashOf(lifetime: TransactionLifetime): string {
  switch (lifetime.kind) {
    case 'blockhash':
      return lifetime.blockhash;
    case 'nonce':
      return lifetime.nonceValue;
  }
}

function fitComputeBudget(
  request: ComputeBudgetRequest | undefined,
  freeSlots: number,
): { instructions: TransactionInstruction[]; omitted: ComputeBudgetPart[] } {
  const wanted: ComputeBudgetPart[] = [];
  if (request?.unitLimit !== undefined) {
    wanted.push('unitLimit');
  }
  if (request?.microLamportsPerUnit !== undefined) {
    wanted.push('unitPrice');
  }

  // The price decides whether the transaction lands under load, so it is kept longest.
  const kept =
    wanted.length <= freeSlots
      ? wanted
      : wanted.filter((part) => part === 'unitPrice').slice(0, freeSlots);
  const omitted = wanted.filter((part) => !kept.includes(part));

  const instructions = kept.map((part) => {
    switch (part) {
      case 'unitLimit':
        return setComputeUnitLimitInstruction(request?.unitLimit ?? 0);
      case 'unitPrice':
        return setComputeUnitPriceInstruction(request?.microLamportsPerUnit ?? 0n);
    }
  });
  return { instructions, omitted };
}
