import { describe, expect, it } from 'vitest';

import { explainNoFreeNonce } from '../../../src/renderer/src/flows/nonce-choice-reason';
import type { NonceAccountView } from '../../../src/shared/contract/offline';

const OWN = 'H2wrdjQEoqCiy4TLbJkwtbbXxFXe5aRvYXyjN2Rk7P6u';
const OTHER = 'DteBj5zYXcV9mREnqCzvHTu7y9wCV6sRtfG5xhRBa3m3';
const QUEUED_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

function nonce(authority: string, reservedBy: string | null): NonceAccountView {
  return {
    address: '11111111111111111111111111111111',
    authority,
    authorityName: authority === OWN ? 'Main' : '',
    authorityPath: authority === OWN ? "44'/501'/0'" : "44'/501'/1'",
    seed: 'nonce:0',
    nonceValue: '11111111111111111111111111111111',
    lamports: '1447680',
    reservedBy,
    slot: 225,
    readAt: '2025-01-31T12:00:00.000Z',
  };
}

describe('nonce choice reason', () => {
  it('is null with a free nonce', () => {
    expect(explainNoFreeNonce([nonce(OWN, QUEUED_ID), nonce(OWN, null)], OWN)).toBeNull();
  });

  it('is null without nonce accounts', () => {
    expect(explainNoFreeNonce([], OWN)).toBeNull();
  });

  it('names a reserved nonce', () => {
    const reason = explainNoFreeNonce([nonce(OWN, QUEUED_ID)], OWN);
    expect(reason).toContain('Its nonce account is reserved by a queued transaction');
    expect(reason).toContain('Send or discard that transaction on the Activity page');
  });

  it('counts several reserved nonces', () => {
    const reason = explainNoFreeNonce([nonce(OWN, QUEUED_ID), nonce(OWN, QUEUED_ID)], OWN);
    expect(reason).toContain('All 2 of its nonce accounts are reserved');
  });

  it('names another authority', () => {
    const reason = explainNoFreeNonce([nonce(OTHER, null)], OWN);
    expect(reason).toContain("another Ledger account as authority (44'/501'/1')");
    expect(reason).toContain('Create one for this account on the Activity page');
  });
});
