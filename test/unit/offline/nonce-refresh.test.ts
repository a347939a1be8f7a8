import { describe, expect, it } from 'vitest';

import { nonceListOutdated } from '../../../src/renderer/src/components/offline/nonce-refresh';
import type { PendingItem } from '../../../src/shared/contract/offline';
import type { PendingStatus, TransactionLifetime } from '../../../src/shared/domain/store';

const ADDRESS = '11111111111111111111111111111111';
const TIME = '2025-01-31T12:00:00.000Z';
const NONCE: TransactionLifetime = {
  kind: 'durableNonce',
  nonceAccount: ADDRESS,
  nonceAuthority: ADDRESS,
  nonceValue: ADDRESS,
};
const BLOCKHASH: TransactionLifetime = {
  kind: 'blockhash',
  blockhash: ADDRESS,
  lastValidBlockHeight: 375,
};

function item(
  id: string,
  intentKind: string,
  lifetime: TransactionLifetime,
  status: PendingStatus,
): PendingItem {
  return {
    id,
    intent: { kind: intentKind, summary: 'Summary' },
    cluster: 'localnet',
    status,
    lifetime,
    signer: null,
    signerPath: null,
    signature: null,
    messageSha256: '0'.repeat(64),
    createdAt: TIME,
    updatedAt: TIME,
    actions: {
      sign: false,
      send: false,
      discard: false,
      exportUnsigned: false,
      exportSigned: false,
    },
  };
}

const CREATE_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const UNSTAKE_ID = '4c352212-f3cc-4366-9dbf-5247d677b073';
const STAKE_ID = '5d463323-04dd-4477-aec0-6358e788c184';
const SENT: PendingStatus = { kind: 'sent', sentAt: TIME, sendCount: 1 };
const CONFIRMED: PendingStatus = { kind: 'confirmed', slot: 225 };

describe('nonce list refresh', () => {
  it('refreshes when a creation confirms', () => {
    const before = [item(CREATE_ID, 'createNonceAccount', BLOCKHASH, SENT)];
    const after = [item(CREATE_ID, 'createNonceAccount', BLOCKHASH, CONFIRMED)];
    expect(nonceListOutdated(before, after)).toBe(true);
  });

  it('refreshes when a nonce transaction confirms', () => {
    const before = [item(UNSTAKE_ID, 'deactivate', NONCE, SENT)];
    const after = [item(UNSTAKE_ID, 'deactivate', NONCE, CONFIRMED)];
    expect(nonceListOutdated(before, after)).toBe(true);
  });

  it('refreshes when a nonce transaction leaves', () => {
    const before = [item(UNSTAKE_ID, 'deactivate', NONCE, { kind: 'unsigned' })];
    expect(nonceListOutdated(before, [])).toBe(true);
  });

  it('ignores unchanged nonce transactions', () => {
    const before = [item(UNSTAKE_ID, 'deactivate', NONCE, SENT)];
    const after = [item(UNSTAKE_ID, 'deactivate', NONCE, SENT)];
    expect(nonceListOutdated(before, after)).toBe(false);
  });

  it('ignores blockhash transactions', () => {
    const before = [item(STAKE_ID, 'createStake', BLOCKHASH, SENT)];
    const after = [item(STAKE_ID, 'createStake', BLOCKHASH, CONFIRMED)];
    expect(nonceListOutdated(before, after)).toBe(false);
    expect(nonceListOutdated(before, [])).toBe(false);
  });
});
