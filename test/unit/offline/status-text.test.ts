import { describe, expect, it } from 'vitest';

import {
  describeLifetime,
  describeOfflineWait,
  describeSignedImport,
} from '../../../src/renderer/src/components/offline/status-text';
import type { PendingItem } from '../../../src/shared/contract/offline';
import type { PendingStatus } from '../../../src/shared/domain/store';

const ADDRESS = '11111111111111111111111111111111';

function item(status: PendingStatus): PendingItem {
  return {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    intent: { kind: 'transfer', summary: 'Send' },
    cluster: 'devnet',
    status,
    lifetime: { kind: 'blockhash', blockhash: ADDRESS, lastValidBlockHeight: 375 },
    signer: null,
    signerPath: null,
    signature: null,
    messageSha256: '0'.repeat(64),
    createdAt: '2025-01-31T12:00:00.000Z',
    updatedAt: '2025-01-31T12:00:00.000Z',
    actions: {
      sign: false,
      send: false,
      discard: false,
      exportUnsigned: false,
      exportSigned: false,
    },
  };
}

const SIGNED_AT = '2025-01-31T12:00:00.000Z';

describe('queue lifetime text', () => {
  it.each([
    { kind: 'unsigned' },
    { kind: 'signed', signedAt: SIGNED_AT },
    { kind: 'sent', sentAt: SIGNED_AT, sendCount: 1 },
  ] as const)('shows validity while %o', (status) => {
    expect(describeLifetime(item(status))).toBe('Blockhash: valid up to block height 375');
  });

  it.each([
    { kind: 'confirmed', slot: 225 },
    { kind: 'finalized', slot: 225 },
    { kind: 'stale', reason: 'moved on' },
    { kind: 'expired' },
    { kind: 'failed', reason: 'x' },
  ] as const)('hides validity when %o', (status) => {
    expect(describeLifetime(item(status))).toBeNull();
  });
});

describe('offline wait text', () => {
  it('uses singular for one item', () => {
    expect(describeOfflineWait(1)).toContain('The 1 signed transaction stays here and is sent');
  });

  it('uses plural for several items', () => {
    expect(describeOfflineWait(3)).toContain('The 3 signed transactions stay here and are sent');
  });
});

describe('signed import text', () => {
  it('reports an added transaction', () => {
    const text = describeSignedImport(item({ kind: 'signed', signedAt: SIGNED_AT }), false);
    expect(text).toBe('The signed transaction was added to the queue.');
  });

  it('reports an added signature', () => {
    const text = describeSignedImport(item({ kind: 'signed', signedAt: SIGNED_AT }), true);
    expect(text).toBe('The signature was added to the queued transaction.');
  });

  it.each([
    { kind: 'confirmed', slot: 225 },
    { kind: 'finalized', slot: 225 },
  ] as const)('reports already confirmed when %o', (status) => {
    const text = describeSignedImport(item(status), true);
    expect(text).toContain('already confirmed in slot 225');
    expect(text).not.toContain('signature was added');
  });

  it('reports an unchanged stale item', () => {
    const text = describeSignedImport(item({ kind: 'stale', reason: 'moved on' }), true);
    expect(text).toBe('This transaction was already in the queue, so nothing was changed.');
  });
});
