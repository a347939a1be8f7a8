import { ed25519 } from '@noble/curves/ed25519.js';
import bs58 from 'bs58';
import { z } from 'zod';

import { MAX_TRANSACTION_FILE_BYTES } from '../../../shared/contract/offline';
import { addressSchema, clusterIdSchema, lamportsSchema } from '../../../shared/domain/chain';
import {
  deviceScreenSchema,
  derivationPathSchema,
  intentSummarySchema,
  isoTimeSchema,
  messageBase64Schema,
  sha256HexSchema,
  signerSignatureSchema,
  transactionLifetimeSchema,
  type TransactionLifetime,
} from '../../../shared/domain/store';
import { isWalletError, WalletError } from '../../../shared/errors';
import { hashMessage } from '../../store';
import { lifetimeOfMessage, requiredSignersOf } from './message-lifetime';

/**
 * The file that carries a transaction between a machine with network and an air-gapped
 * machine with the Ledger. The message travels as base64 with its SHA-256, and every step
 * checks that the bytes are unchanged. The review text is for the person reading the file;
 * the app that imports it rebuilds the review from the bytes.
 */
export const TRANSACTION_FILE_FORMAT = 'ledger-stake-desk/transaction';
export const TRANSACTION_FILE_VERSION = 1;

export const transactionFileSchema = z.strictObject({
  format: z.literal(TRANSACTION_FILE_FORMAT),
  version: z.literal(TRANSACTION_FILE_VERSION),
  kind: z.enum(['unsigned', 'signed']),
  exportedAt: isoTimeSchema,
  cluster: clusterIdSchema,
  /** Id of the queued transaction on the machine that prepared it. */
  pendingId: z.uuid().nullable(),
  intent: intentSummarySchema,
  message: z.strictObject({ base64: messageBase64Schema, sha256: sha256HexSchema }),
  signer: z.strictObject({ address: addressSchema, derivationPath: derivationPathSchema }),
  review: z.strictObject({
    /** One line per instruction, without the person's account names. */
    summary: z.array(z.string().max(300)).max(50),
    /** Screens predicted for `appVersion`; the signing machine predicts its own. */
    deviceScreens: z.array(deviceScreenSchema).max(50),
    appVersion: z.string().max(20),
    blindSigning: z.boolean(),
    feeLamports: lamportsSchema,
    /** Base-58 SHA-256 of the message, which the device shows when blind signing. */
    messageHash: z.string().max(60),
  }),
  /** The nonce (account, authority, value) or the blockhash the message uses. */
  lifetime: transactionLifetimeSchema,
  /** One entry per required signer, in message order; all filled in a signed file. */
  signatures: z.array(signerSignatureSchema).min(1).max(20),
});
export type TransactionFile = z.infer<typeof transactionFileSchema>;

/** A file that passed every check, with its message bytes. */
export interface CheckedTransactionFile {
  file: TransactionFile;
  message: Uint8Array;
}

export function encodeTransactionFile(file: TransactionFile): string {
  return `${JSON.stringify(transactionFileSchema.parse(file), null, 2)}\n`;
}

/**
 * Reads and checks a transaction file: size, JSON, format and version, every field, the
 * message hash, the lifetime and signer list against the message itself, and every
 * signature present against the message bytes.
 *
 * @throws WalletError TRANSACTION_FILE_TOO_LARGE, TRANSACTION_FILE_INVALID,
 *   TRANSACTION_FILE_VERSION_UNSUPPORTED, TRANSACTION_FILE_MESSAGE_MISMATCH or
 *   TRANSACTION_FILE_SIGNATURE_INVALID.
 */
export function decodeTransactionFile(content: string): CheckedTransactionFile {
  const sizeBytes = Buffer.byteLength(content, 'utf8');
  if (sizeBytes > MAX_TRANSACTION_FILE_BYTES) {
    throw new WalletError('TRANSACTION_FILE_TOO_LARGE', {
      sizeBytes,
      maxBytes: MAX_TRANSACTION_FILE_BYTES,
    });
  }

  const json = parseJson(content);
  assertFormatAndVersion(json);
  const parsed = transactionFileSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidFile(
      'invalidFields',
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  const file = parsed.data;

  const message = Uint8Array.from(Buffer.from(file.message.base64, 'base64'));
  const actualSha256 = hashMessage(message);
  if (actualSha256 !== file.message.sha256) {
    throw new WalletError('TRANSACTION_FILE_MESSAGE_MISMATCH', {
      reason: 'hashMismatch',
      expectedSha256: file.message.sha256,
      actualSha256,
    });
  }

  assertMatchesMessage(file, message);
  for (const slot of file.signatures) {
    if (slot.signature !== null && !verifySignature(slot.signature, message, slot.publicKey)) {
      throw new WalletError('TRANSACTION_FILE_SIGNATURE_INVALID', { signer: slot.publicKey });
    }
  }
  if (file.kind === 'signed' && file.signatures.some((slot) => slot.signature === null)) {
    throw invalidFile('invalidFields', [
      { path: 'signatures', message: 'a signed file must carry every required signature' },
    ]);
  }
  return { file, message };
}

/** Returns true when `signature` (base 58) is the signer's Ed25519 signature of `message`. */
export function verifySignature(signature: string, message: Uint8Array, signer: string): boolean {
  try {
    return ed25519.verify(bs58.decode(signature), message, bs58.decode(signer));
  } catch {
    return false;
  }
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    throw invalidFile('notJson', [
      { path: '', message: error instanceof Error ? error.message : 'not JSON' },
    ]);
  }
}

function assertFormatAndVersion(json: unknown): void {
  const header = z
    .object({ format: z.literal(TRANSACTION_FILE_FORMAT), version: z.int() })
    .safeParse(json);
  if (!header.success) {
    throw invalidFile('wrongFormat', [
      { path: 'format', message: `expected "${TRANSACTION_FILE_FORMAT}" with a version` },
    ]);
  }
  if (header.data.version !== TRANSACTION_FILE_VERSION) {
    throw new WalletError('TRANSACTION_FILE_VERSION_UNSUPPORTED', {
      version: header.data.version,
      supportedVersion: TRANSACTION_FILE_VERSION,
    });
  }
}

/** Checks that the lifetime and the signer list the file states are the message's own. */
function assertMatchesMessage(file: TransactionFile, message: Uint8Array): void {
  let signers: string[];
  let lifetime: TransactionLifetime;
  try {
    signers = requiredSignersOf(message);
    lifetime = lifetimeOfMessage(
      message,
      file.lifetime.kind === 'blockhash' ? file.lifetime.lastValidBlockHeight : 0,
    );
  } catch (error) {
    throw invalidFile('undecodableMessage', [
      { path: 'message.base64', message: isWalletError(error) ? error.message : String(error) },
    ]);
  }

  const issues: { path: string; message: string }[] = [];
  if (!lifetimesEqual(lifetime, file.lifetime)) {
    issues.push({
      path: 'lifetime',
      message: 'does not match the nonce or blockhash of the message',
    });
  }
  if (signers.join(',') !== file.signatures.map((slot) => slot.publicKey).join(',')) {
    issues.push({ path: 'signatures', message: 'signers differ from the message signers' });
  }
  if (!signers.includes(file.signer.address)) {
    issues.push({ path: 'signer.address', message: 'is not a required signer of the message' });
  }
  if (issues.length > 0) {
    throw invalidFile('invalidFields', issues);
  }
}

export function lifetimesEqual(left: TransactionLifetime, right: TransactionLifetime): boolean {
  switch (left.kind) {
    case 'blockhash':
      return (
        right.kind === 'blockhash' &&
        left.blockhash === right.blockhash &&
        left.lastValidBlockHeight === right.lastValidBlockHeight
      );
    case 'durableNonce':
      return (
        right.kind === 'durableNonce' &&
        left.nonceAccount === right.nonceAccount &&
        left.nonceAuthority === right.nonceAuthority &&
        left.nonceValue === right.nonceValue
      );
  }
}

function invalidFile(
  reason: 'notJson' | 'wrongFormat' | 'invalidFields' | 'undecodableMessage',
  issues: { path: string; message: string }[],
): WalletError {
  return new WalletError('TRANSACTION_FILE_INVALID', { reason, issues: issues.slice(0, 20) });
}
