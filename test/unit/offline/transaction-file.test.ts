import { describe, expect, it } from 'vitest';

import {
  decodeTransactionFile,
  encodeTransactionFile,
  TRANSACTION_FILE_FORMAT,
  type TransactionFile,
} from '../../../src/main/api/offline/transaction-file';
import { hashMessage } from '../../../src/main/store';
import { MAX_TRANSACTION_FILE_BYTES } from '../../../src/shared/contract/offline';
import type { WalletError } from '../../../src/shared/errors';
import { nonceAccount, nonceValue, payer, signWithPayer, transferMessage } from './messages';

function unsignedFile(message = transferMessage({ nonce: true })): TransactionFile {
  return {
    format: TRANSACTION_FILE_FORMAT,
    version: 1,
    kind: 'unsigned',
    exportedAt: '2025-01-31T12:00:00.000Z',
    cluster: 'devnet',
    pendingId: '3b241101-e2bb-4255-8caf-4136c566a962',
    intent: { kind: 'transfer', summary: 'Send 1000 lamports' },
    message: { base64: Buffer.from(message).toString('base64'), sha256: hashMessage(message) },
    signer: { address: payer.publicKey.toBase58(), derivationPath: "44'/501'/0'" },
    review: {
      summary: ['Transfer 0.000001 SOL'],
      deviceScreens: [{ title: 'Transfer', value: '0.000001 SOL' }],
      appVersion: '1.9.0',
      blindSigning: false,
      feeLamports: '5000',
      messageHash: 'hash',
    },
    lifetime: {
      kind: 'durableNonce',
      nonceAccount: nonceAccount.toBase58(),
      nonceAuthority: payer.publicKey.toBase58(),
      nonceValue,
    },
    signatures: [{ publicKey: payer.publicKey.toBase58(), signature: null }],
  };
}

function errorOf(content: string): WalletError {
  try {
    decodeTransactionFile(content);
  } catch (error) {
    return error as WalletError;
  }
  throw new Error('the file was accepted');
}

describe('decodeTransactionFile', () => {
  it('round-trips an unsigned file', () => {
    const file = unsignedFile();

    const decoded = decodeTransactionFile(encodeTransactionFile(file));

    expect(decoded.file).toEqual(file);
    expect(Buffer.from(decoded.message).toString('base64')).toBe(file.message.base64);
  });

  it('accepts a correctly signed file', () => {
    const file = unsignedFile();
    const message = Buffer.from(file.message.base64, 'base64');
    const signed: TransactionFile = {
      ...file,
      kind: 'signed',
      signatures: [{ publicKey: payer.publicKey.toBase58(), signature: signWithPayer(message) }],
    };

    expect(decodeTransactionFile(encodeTransactionFile(signed)).file.kind).toBe('signed');
  });

  it('rejects a file over the size limit', () => {
    const error = errorOf(' '.repeat(MAX_TRANSACTION_FILE_BYTES + 1));

    expect(error.code).toBe('TRANSACTION_FILE_TOO_LARGE');
  });

  it('rejects text that is not JSON', () => {
    const error = errorOf('{"format":');

    expect(error.code).toBe('TRANSACTION_FILE_INVALID');
    expect(error.context).toMatchObject({ reason: 'notJson' });
  });

  it('rejects another format', () => {
    const error = errorOf(JSON.stringify({ format: 'other', version: 1 }));

    expect(error.context).toMatchObject({ reason: 'wrongFormat' });
  });

  it('rejects a newer version', () => {
    const error = errorOf(JSON.stringify({ ...unsignedFile(), version: 2 }));

    expect(error.code).toBe('TRANSACTION_FILE_VERSION_UNSUPPORTED');
    expect(error.context).toEqual({ version: 2, supportedVersion: 1 });
  });

  it('rejects unknown fields', () => {
    const error = errorOf(JSON.stringify({ ...unsignedFile(), secretKey: 'x' }));

    expect(error.context).toMatchObject({ reason: 'invalidFields' });
  });

  it('rejects a message that differs from its hash', () => {
    const file = unsignedFile();
    const other = transferMessage({ nonce: false });
    const changed = {
      ...file,
      message: { ...file.message, base64: Buffer.from(other).toString('base64') },
    };

    const error = errorOf(JSON.stringify(changed));

    expect(error.code).toBe('TRANSACTION_FILE_MESSAGE_MISMATCH');
    expect(error.context).toMatchObject({ reason: 'hashMismatch' });
  });

  it('rejects a lifetime the message does not use', () => {
    const file = unsignedFile();
    const wrong = {
      ...file,
      lifetime: { ...file.lifetime, nonceValue: payer.publicKey.toBase58() },
    };

    const error = errorOf(JSON.stringify(wrong));

    expect(error.context).toMatchObject({ reason: 'invalidFields' });
    expect(JSON.stringify(error.context)).toContain('lifetime');
  });

  it('rejects a signature over other bytes', () => {
    const file = unsignedFile();
    const signed = {
      ...file,
      kind: 'signed',
      signatures: [
        {
          publicKey: payer.publicKey.toBase58(),
          signature: signWithPayer(transferMessage({ nonce: false })),
        },
      ],
    };

    const error = errorOf(JSON.stringify(signed));

    expect(error.code).toBe('TRANSACTION_FILE_SIGNATURE_INVALID');
  });

  it('rejects a signed file missing a signature', () => {
    const error = errorOf(JSON.stringify({ ...unsignedFile(), kind: 'signed' }));

    expect(error.context).toMatchObject({ reason: 'invalidFields' });
  });

  it('rejects a signer outside the message', () => {
    const file = unsignedFile();
    const error = errorOf(
      JSON.stringify({ ...file, signer: { ...file.signer, address: nonceAccount.toBase58() } }),
    );

    expect(JSON.stringify(error.context)).toContain('signer.address');
  });
});
