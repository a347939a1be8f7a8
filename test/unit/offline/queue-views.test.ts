import { describe, expect, it } from 'vitest';

import { buildAuditRows, listAuditRestarts } from '../../../src/main/api/offline/audit-view';
import { actionsOf, toPendingItem } from '../../../src/main/api/offline/pending-views';
import type {
  AuditLine,
  PendingStatus,
  PendingTransaction,
} from '../../../src/shared/domain/store';
import { payer, transferMessage } from './messages';

const ZERO_HASH = '0'.repeat(64);
const SIGNATURE = '5'.repeat(88);

function pending(status: PendingStatus): PendingTransaction {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    revision: 0,
    intent: { kind: 'transfer', summary: 'Send' },
    cluster: 'devnet',
    messageBase64: Buffer.from(transferMessage({ nonce: false })).toString('base64'),
    signatures: [
      {
        publicKey: payer.publicKey.toBase58(),
        signature: status.kind === 'unsigned' ? null : SIGNATURE,
      },
    ],
    lifetime: { kind: 'blockhash', blockhash: payer.publicKey.toBase58(), lastValidBlockHeight: 1 },
    createdAt: '2025-01-31T12:00:00.000Z',
    updatedAt: '2025-01-31T12:00:00.000Z',
    status,
  };
}

describe('queue actions', () => {
  it.each([
    [
      { kind: 'unsigned' },
      { sign: true, send: false, discard: true, exportUnsigned: true, exportSigned: false },
    ],
    [
      { kind: 'signed', signedAt: '2025-01-31T12:00:00.000Z' },
      { sign: false, send: true, discard: false, exportUnsigned: false, exportSigned: true },
    ],
    [
      { kind: 'sent', sentAt: '2025-01-31T12:00:00.000Z', sendCount: 1 },
      { sign: false, send: true, discard: false, exportUnsigned: false, exportSigned: true },
    ],
    [
      { kind: 'confirmed', slot: 5 },
      { sign: false, send: false, discard: false, exportUnsigned: false, exportSigned: false },
    ],
    [
      { kind: 'stale', reason: 'moved on' },
      { sign: false, send: false, discard: true, exportUnsigned: false, exportSigned: false },
    ],
    [
      { kind: 'expired' },
      { sign: false, send: false, discard: true, exportUnsigned: false, exportSigned: false },
    ],
    [
      { kind: 'failed', reason: 'x' },
      { sign: false, send: false, discard: true, exportUnsigned: false, exportSigned: false },
    ],
  ] as const)('allows the right actions when %o', (status, expected) => {
    expect(actionsOf(pending(status), true)).toEqual(expected);
  });

  it('needs a saved signer to sign', () => {
    expect(actionsOf(pending({ kind: 'unsigned' }), false).sign).toBe(false);
  });

  it('names the saved signer', () => {
    const item = toPendingItem(pending({ kind: 'unsigned' }), [
      { publicKey: payer.publicKey.toBase58(), derivationPath: "44'/501'/0'", name: 'Main' },
    ]);

    expect(item.signer).toBe(payer.publicKey.toBase58());
    expect(item.signerPath).toBe("44'/501'/0'");
    expect(item.signature).toBeNull();
    expect(item.messageSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('buildAuditRows', () => {
  const request: AuditLine = {
    v: 1,
    seq: 0,
    prevHash: ZERO_HASH,
    entry: {
      kind: 'signatureRequest',
      time: '2025-01-31T12:00:00.000Z',
      cluster: 'devnet',
      account: payer.publicKey.toBase58(),
      derivationPath: "44'/501'/0'",
      messageSha256: ZERO_HASH,
      pendingTransactionId: null,
      reviewSummary: ['Send'],
      deviceScreens: [{ title: 'Transfer', value: '1 SOL' }],
      outcome: 'approved',
      errorCode: null,
      signature: SIGNATURE,
      sendStatus: 'notSent',
      slot: null,
    },
  };
  const sent: AuditLine = {
    v: 1,
    seq: 1,
    prevHash: ZERO_HASH,
    entry: {
      kind: 'statusUpdate',
      time: '2025-01-31T12:01:00.000Z',
      refersTo: 0,
      sendStatus: 'sent',
      slot: null,
      reason: null,
    },
  };
  const failed: AuditLine = {
    v: 1,
    seq: 2,
    prevHash: ZERO_HASH,
    entry: {
      kind: 'statusUpdate',
      time: '2025-01-31T12:02:00.000Z',
      refersTo: 0,
      sendStatus: 'failed',
      slot: 77,
      reason: 'stale: nonce moved on',
    },
  };

  it('applies status updates in order', () => {
    const rows = buildAuditRows([request, sent, failed]);

    expect(rows).toHaveLength(1);
    expect(rows[0]?.sendStatus).toBe('failed');
    expect(rows[0]?.slot).toBe(77);
    expect(rows[0]?.statusReason).toBe('stale: nonce moved on');
    expect(rows[0]?.statusTime).toBe('2025-01-31T12:02:00.000Z');
  });

  it('lists restarts of a broken log', () => {
    const restart: AuditLine = {
      v: 1,
      seq: 0,
      prevHash: ZERO_HASH,
      entry: {
        kind: 'logRestarted',
        time: '2025-01-31T12:00:00.000Z',
        previousLog: 'audit/audit.corrupt-1.jsonl',
        chainBreak: { line: 3, reason: 'previousHashMismatch', detail: 'line 3' },
      },
    };

    expect(listAuditRestarts([restart, sent])).toEqual([
      {
        seq: 0,
        time: '2025-01-31T12:00:00.000Z',
        previousLog: 'audit/audit.corrupt-1.jsonl',
        chainBreak: { line: 3, reason: 'previousHashMismatch', detail: 'line 3' },
      },
    ]);
    expect(buildAuditRows([restart])).toEqual([]);
  });
});
