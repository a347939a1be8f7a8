import { describe, expect, it } from 'vitest';

import {
  accountsDocumentSchema,
  auditSignatureRequestSchema,
  pendingTransactionSchema,
  storedAccountSchema,
} from '../../../src/shared/domain/store';

const key = '7nYabs9dUhvxYwdTnrWVBL9MYviKSfrEbdWCUbcnwkpF';

describe('store schemas', () => {
  it('reject a secret key beside an account', () => {
    const account = { publicKey: key, derivationPath: "44'/501'/0'", name: 'Main' };
    expect(storedAccountSchema.safeParse(account).success).toBe(true);
    expect(storedAccountSchema.safeParse({ ...account, secretKey: 'x' }).success).toBe(false);
  });

  it('reject the same public key twice', () => {
    const account = { publicKey: key, derivationPath: "44'/501'/0'", name: '' };
    expect(accountsDocumentSchema.safeParse({ accounts: [account, account] }).success).toBe(false);
  });

  it('reject derivation paths outside the Solana coin type', () => {
    const account = { publicKey: key, derivationPath: "44'/60'/0'", name: '' };
    expect(storedAccountSchema.safeParse(account).success).toBe(false);
  });

  it('reject a pending transaction with extra fields', () => {
    const record = {
      id: '0b6f8f7e-2a43-4c1e-9d55-3f1d2b6a7c80',
      revision: 0,
      intent: { kind: 'delegate', summary: 'Delegate 1 SOL' },
      cluster: 'devnet',
      messageBase64: 'AQID',
      signatures: [{ publicKey: key, signature: null }],
      lifetime: { kind: 'blockhash', blockhash: key, lastValidBlockHeight: 5 },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      status: { kind: 'unsigned' },
    };
    expect(pendingTransactionSchema.safeParse(record).success).toBe(true);
    expect(pendingTransactionSchema.safeParse({ ...record, mnemonic: 'x' }).success).toBe(false);
    expect(
      pendingTransactionSchema.safeParse({ ...record, status: { kind: 'failed' } }).success,
    ).toBe(false);
  });

  it('reject an audit entry carrying message bytes', () => {
    const entry = {
      kind: 'signatureRequest',
      time: '2025-01-01T00:00:00.000Z',
      cluster: 'devnet',
      account: key,
      derivationPath: "44'/501'/0'",
      messageSha256: 'ab'.repeat(32),
      pendingTransactionId: null,
      reviewSummary: [],
      deviceScreens: [],
      outcome: 'rejected',
      errorCode: null,
      signature: null,
      sendStatus: 'notSent',
      slot: null,
    };
    expect(auditSignatureRequestSchema.safeParse(entry).success).toBe(true);
    expect(auditSignatureRequestSchema.safeParse({ ...entry, message: 'AQID' }).success).toBe(
      false,
    );
  });
});
