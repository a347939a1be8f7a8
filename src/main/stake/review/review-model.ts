import { createHash } from 'node:crypto';

import bs58 from 'bs58';

import type { ReviewAddress, ReviewInstruction, ReviewModel } from '../../../shared/domain/stake';
import { wellKnownAddressName } from '../addresses';
import { MAX_TRANSACTION_BYTES, transactionSizeBytes } from '../size';
import { accountKeysOf, isSignerIndex, isWritableIndex, requiredSignersOf } from './account-keys';
import { decodeInstruction, programNameOf } from './decode-instruction';
import { describeAction } from './describe';
import { predictDeviceReview } from './device-review';
import { estimateFee } from './fees';
import { parseMessage } from './message-parser';
import type { PubkeyDisplay } from './screen-collector';
import type { ValidatorFacts } from './warnings';
import { collectWarnings } from './warnings';

export interface ReviewContext {
  /** The Ledger key that will sign. */
  signer: string;
  /** Solana app version from the device, which decides labels and limits. */
  appVersion: string;
  pubkeyDisplay?: PubkeyDisplay;
  /** The device's expert mode setting when the person entered it; null (the default) means unknown. */
  expertMode?: boolean | null;
  /** The person's own addresses and their labels, such as "Ledger account 2, 44'/501'/1'". */
  labels?: ReadonlyMap<string, string>;
  /** Lamports per signature; 5000 on mainnet. */
  lamportsPerSignature?: bigint;
  balances?: ReadonlyMap<string, bigint>;
  /** Warn when this whole percentage of an account's balance or more leaves it. Default 50. */
  largeShareThresholdPercent?: number;
  validatorLookup?: (voteAccount: string) => ValidatorFacts | undefined;
  /** Warn above this commission, in whole percent. Default 10. */
  highCommissionPercent?: number;
  /** Warn when the fee, priority fee included, is above this. Default 0.01 SOL. */
  highFeeLamports?: bigint;
  /** Addresses of lookup tables the message uses, when fetched, in table order. */
  resolvedLookupTables?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Fee above which the review warns: 2,000 times the 5,000-lamport fee of one signature,
 * far above the priority fees wallets add under congestion.
 */
export const DEFAULT_HIGH_FEE_LAMPORTS = 10_000_000n;

/** Base-58 SHA-256 of the message bytes: the hash the device shows when blind signing. */
export function messageHashOf(messageBytes: Uint8Array): string {
  return bs58.encode(createHash('sha256').update(messageBytes).digest());
}

/**
 * Builds the review model from the compiled message bytes alone, so a transaction built
 * anywhere is reviewed the same way: every instruction decoded and described, the person's
 * addresses labelled, the fee, warnings, and the predicted device review.
 *
 * @throws WalletError MESSAGE_DECODE_FAILED when the bytes are not a legacy or v0 message.
 */
export function buildReviewModel(messageBytes: Uint8Array, context: ReviewContext): ReviewModel {
  const message = parseMessage(messageBytes);
  const keys = accountKeysOf(message, context.resolvedLookupTables);
  const labels = context.labels ?? new Map<string, string>();
  const name = (address: string): string =>
    labels.get(address) ?? wellKnownAddressName(address) ?? address;

  const decoded = message.instructions.map((instruction) => {
    const programId = keys[instruction.programIdIndex] ?? '';
    const accounts = instruction.accountIndexes.map((index) => keys[index] ?? '');
    return {
      programId,
      action: decodeInstruction(programId, accounts, instruction.data),
      accountCount: accounts.length,
    };
  });
  const instructions: ReviewInstruction[] = decoded.map((entry, index) => ({
    index,
    programId: entry.programId,
    program: programNameOf(entry.programId),
    action: entry.action,
    summary: describeAction(entry.action, entry.programId, name),
  }));

  const messageHash = messageHashOf(messageBytes);
  const device = predictDeviceReview({
    message,
    instructions: decoded,
    signer: context.signer,
    appVersion: context.appVersion,
    pubkeyDisplay: context.pubkeyDisplay ?? 'long',
    expertMode: context.expertMode ?? null,
    messageHash,
  });
  const fee = estimateFee(
    decoded.map((entry) => entry.action),
    message.header.numRequiredSignatures,
    context.lamportsPerSignature ?? 5000n,
  );

  const first = instructions[0]?.action;
  const warnings = collectWarnings(message, instructions, device, {
    signer: context.signer,
    isOwn: (address) => labels.has(address),
    balances: context.balances ?? new Map(),
    largeShareThresholdPercent: context.largeShareThresholdPercent ?? 50,
    validatorLookup: context.validatorLookup ?? null,
    highCommissionPercent: context.highCommissionPercent ?? 10,
    feeLamports: BigInt(fee.totalLamports),
    priorityLamports: BigInt(fee.priorityLamports),
    highFeeLamports: context.highFeeLamports ?? DEFAULT_HIGH_FEE_LAMPORTS,
    knowsOwnAddresses: labels.size > 0,
  });

  return {
    messageVersion: message.version,
    messageHash,
    transactionSizeBytes: transactionSizeBytes(
      messageBytes.length,
      message.header.numRequiredSignatures,
    ),
    maxTransactionSizeBytes: MAX_TRANSACTION_BYTES,
    feePayer: message.staticKeys[0] ?? '',
    requiredSigners: requiredSignersOf(message),
    recentBlockhash: message.recentBlockhash,
    durableNonce:
      first?.kind === 'systemAdvanceNonce'
        ? { nonceAccount: first.nonceAccount, authority: first.authority }
        : null,
    addressLookupTables: message.lookupTables.map((lookup) => ({ ...lookup })),
    instructions,
    addresses: keys.map((address, index): ReviewAddress => ({
      address,
      label: labels.get(address) ?? null,
      wellKnownName: wellKnownAddressName(address),
      own: labels.has(address),
      signer: isSignerIndex(message, index),
      writable: isWritableIndex(message, index),
    })),
    mentionedAddresses: mentionedAddressesOf(instructions, keys, labels),
    fee,
    warnings,
    device,
  };
}

/**
 * Lists the named addresses in the instructions' fields that are not account keys of the
 * message: a new authority or custodian travels in instruction data, so it has no entry
 * in `addresses`.
 */
function mentionedAddressesOf(
  instructions: readonly ReviewInstruction[],
  keys: readonly string[],
  labels: ReadonlyMap<string, string>,
): ReviewAddress[] {
  const accountKeys = new Set(keys);
  const seen = new Set<string>();
  const mentioned: ReviewAddress[] = [];
  for (const { action } of instructions) {
    for (const value of Object.values(action)) {
      if (typeof value !== 'string' || accountKeys.has(value) || seen.has(value)) {
        continue;
      }
      seen.add(value);
      const label = labels.get(value) ?? null;
      const wellKnownName = wellKnownAddressName(value);
      if (label !== null || wellKnownName !== null) {
        mentioned.push({
          address: value,
          label,
          wellKnownName,
          own: label !== null,
          signer: false,
          writable: false,
        });
      }
    }
  }
  return mentioned;
}
