import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino, { type Logger } from 'pino';

import type { AuditSignatureRequestInput } from '../../../src/main/store';
import type { PendingTransactionDraft, SignerSignature } from '../../../src/shared/domain/store';

/** A fresh data folder per test, removed by the returned function. */
export async function createDataFolder(): Promise<{ directory: string; remove(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'store-test-'));
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

export interface CapturedLogger {
  logger: Logger;
  /** Parsed log records written so far. */
  records(): Record<string, unknown>[];
}

export function createCapturedLogger(): CapturedLogger {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return {
    logger,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export const silentLogger: Logger = pino({ level: 'silent' });

const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function encodeBase58(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) {
    value = value * 256n + BigInt(byte);
  }
  let text = '';
  while (value > 0n) {
    text = base58Alphabet.charAt(Number(value % 58n)) + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) {
      break;
    }
    text = `1${text}`;
  }
  return text;
}

/** Base-58 form of random bytes; the first byte is non-zero so the length stays typical. */
function encodeRandomBytes(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  bytes[0] = 1 + ((bytes[0] ?? 0) % 255);
  return encodeBase58(bytes);
}

/** Returns a base-58 string of 32 random bytes, shaped like a public key. */
export function createPublicKey(): string {
  return encodeRandomBytes(32);
}

/** Returns a base-58 string of 64 random bytes, shaped like an Ed25519 signature. */
export function createSignature(): string {
  return encodeRandomBytes(64);
}

export function createDraft(signer = createPublicKey()): PendingTransactionDraft {
  const message = new Uint8Array(200);
  crypto.getRandomValues(message);
  return {
    intent: { kind: 'delegate', summary: 'Delegate 10 SOL to a test validator' },
    cluster: 'localnet',
    messageBase64: Buffer.from(message).toString('base64'),
    signatures: [{ publicKey: signer, signature: null }],
    lifetime: {
      kind: 'blockhash',
      blockhash: createPublicKey(),
      lastValidBlockHeight: 1_000,
    },
  };
}

export function signAll(draft: PendingTransactionDraft): SignerSignature[] {
  return draft.signatures.map((signer) => ({
    publicKey: signer.publicKey,
    signature: createSignature(),
  }));
}

export function createSignatureRequest(
  overrides: Partial<AuditSignatureRequestInput> = {},
): AuditSignatureRequestInput {
  return {
    cluster: 'localnet',
    account: createPublicKey(),
    derivationPath: "44'/501'/0'/0'",
    messageSha256: 'ab'.repeat(32),
    pendingTransactionId: null,
    reviewSummary: ['Delegate 10 SOL', 'Fee 0.000005 SOL'],
    deviceScreens: [
      { title: 'Delegate from', value: 'stake account' },
      { title: 'Max fees', value: '0.000005 SOL' },
    ],
    outcome: 'approved',
    errorCode: null,
    signature: createSignature(),
    sendStatus: 'notSent',
    slot: null,
    ...overrides,
  };
}
