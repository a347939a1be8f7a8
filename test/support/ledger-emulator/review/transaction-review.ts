import { sha256 } from '@noble/hashes/sha2.js';
import type { AppProfile } from '../app-version';
import { encodeBase58Key } from '../bytes';
import { decodeInstruction, type DecodedInstruction } from '../instructions/decode-instruction';
import { MessageParseError, parseMessageBody, type MessageHeader } from '../message/message-parser';
import { stripComputeBudget } from './compute-budget-fee';
import { formatPubkey, type PubkeyDisplay } from './format';
import { printInstructions } from './instruction-patterns';
import { showAuthority, type PrintConfig } from './print-config';
import type { ReviewableInstruction } from './reviewable';
import { amount, TransactionSummary, type ReviewField } from './transaction-summary';

/** Result of the app's clear-signing attempt on a transaction message. */
export type TransactionReview =
  | { readonly kind: 'clear'; readonly fields: readonly ReviewField[] }
  | { readonly kind: 'blind-signing-required'; readonly reason: string };

export interface ReviewSettings {
  readonly expertMode: boolean;
  readonly pubkeyDisplay: PubkeyDisplay;
  readonly profile: AppProfile;
  /** Base58 key of the signing path; the caller has checked it is a required signer. */
  readonly signer: string;
}

function blind(reason: string): TransactionReview {
  return { kind: 'blind-signing-required', reason };
}

function isReviewable(entry: DecodedInstruction): entry is ReviewableInstruction {
  return (
    entry.program === 'system' || entry.program === 'stake' || entry.program === 'compute-budget'
  );
}

/** Decodes every instruction, or returns why the app would not show the message in clear. */
function decodeAll(header: MessageHeader): DecodedInstruction[] | string {
  try {
    const body = parseMessageBody(header);
    if (body.addressTableLookupCount > 0) {
      return 'v0 message with address lookup tables';
    }
    return body.instructions.map((instruction) =>
      decodeInstruction(instruction, header.accountKeys),
    );
  } catch (error) {
    if (error instanceof MessageParseError) {
      return error.message;
    }
    throw error;
  }
}

/**
 * Computes the screens the app shows for a transaction message, following its pipeline:
 * instruction limit, decoding, Memo dropped, nonce advance stripped first, leading
 * compute-budget instructions stripped, then a single-instruction summary or a known pattern.
 */
export function reviewTransaction(
  header: MessageHeader,
  settings: ReviewSettings,
): TransactionReview {
  const { profile } = settings;
  if (header.instructionCount === 0 || header.instructionCount > profile.maxInstructions) {
    return blind(`${header.instructionCount} instructions (limit ${profile.maxInstructions})`);
  }

  const decoded = decodeAll(header);
  if (typeof decoded === 'string') {
    return blind(decoded);
  }
  for (const entry of decoded) {
    if (entry.program === 'unrecognized') {
      return blind(entry.reason);
    }
    // NOTE: the app shows some vote and token instructions in clear. The emulator does not
    // model their screens, so it requires blind signing for them instead.
    if (entry.program === 'unmodelled') {
      return blind(`${entry.name} instructions are not modelled by the emulator`);
    }
  }

  const config: PrintConfig = {
    expertMode: settings.expertMode,
    signer: settings.signer,
    feePayer: header.accountKeys[0] ?? '',
    displayLine: profile.displayLine,
  };
  const summary = new TransactionSummary();
  let entries = decoded.filter(isReviewable);

  const [first] = entries;
  if (
    entries.length > 1 &&
    first?.program === 'system' &&
    first.instruction.kind === 'advance-nonce'
  ) {
    if (config.expertMode) {
      summary.setNonce(first.instruction.nonce, first.instruction.authority);
    }
    entries = entries.slice(1);
  }

  const budget = stripComputeBudget(entries, header.numRequiredSignatures, profile.displayLine);
  if (budget.overflow) {
    return blind('Max fees overflow');
  }
  // 1.9 prints "Max fees" as the first general item, the newer line after the instruction's.
  if (budget.maxFee !== null && profile.displayLine === 'legacy') {
    summary.addGeneral('Max fees', amount(budget.maxFee));
  }
  if (!printInstructions(summary, budget.remaining, config)) {
    return blind(`no display for ${budget.remaining.length} remaining instructions`);
  }
  if (budget.maxFee !== null && profile.displayLine === 'newer') {
    summary.addGeneral('Max fees', amount(budget.maxFee));
  }

  if (showAuthority(config, config.feePayer)) {
    summary.setFeePayer(config.feePayer);
  }
  return { kind: 'clear', fields: summary.render(settings.pubkeyDisplay) };
}

/**
 * Screens of a blind-signed message: "Unrecognized format", the base58 SHA-256 of the message
 * bytes, then the fee payer under the authority-hiding rule.
 */
export function blindSigningFields(
  message: Uint8Array,
  header: MessageHeader,
  settings: ReviewSettings,
): ReviewField[] {
  const feePayer = header.accountKeys[0] ?? '';
  const fields: ReviewField[] = [
    { title: 'Unrecognized', value: 'format' },
    { title: 'Message Hash', value: encodeBase58Key(sha256(message)) },
  ];
  if (settings.expertMode || feePayer !== settings.signer) {
    fields.push({ title: 'Fee payer', value: formatPubkey(feePayer, settings.pubkeyDisplay) });
  }
  return fields;
}
