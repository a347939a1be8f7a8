import { describe, expect, it } from 'vitest';

import { canTransition, isRemovable } from '../../../src/main/store';
import type { PendingStatusKind } from '../../../src/shared/domain/store';

const kinds: PendingStatusKind[] = [
  'unsigned',
  'signed',
  'sent',
  'confirmed',
  'finalized',
  'failed',
  'stale',
  'expired',
];

describe('canTransition', () => {
  it('treats finalized and failed as terminal', () => {
    for (const to of kinds) {
      expect(canTransition('finalized', to), `finalized -> ${to}`).toBe(false);
      expect(canTransition('failed', to), `failed -> ${to}`).toBe(false);
    }
  });

  it('never returns to unsigned', () => {
    for (const from of kinds) {
      expect(canTransition(from, 'unsigned'), `${from} -> unsigned`).toBe(false);
    }
  });

  it('reaches signed only from unsigned', () => {
    for (const from of kinds) {
      expect(canTransition(from, 'signed'), `${from} -> signed`).toBe(from === 'unsigned');
    }
  });

  it('lets expired and stale turn out to have landed', () => {
    for (const from of ['expired', 'stale'] as const) {
      expect(canTransition(from, 'confirmed')).toBe(true);
      expect(canTransition(from, 'finalized')).toBe(true);
      expect(canTransition(from, 'sent')).toBe(false);
    }
  });

  it('allows a sent transaction to be sent again', () => {
    expect(canTransition('sent', 'sent')).toBe(true);
    expect(canTransition('signed', 'sent')).toBe(true);
    expect(canTransition('unsigned', 'sent')).toBe(false);
  });

  it('lets a signed transaction found on chain skip sent', () => {
    expect(canTransition('signed', 'confirmed')).toBe(true);
    expect(canTransition('signed', 'finalized')).toBe(true);
  });
});

describe('isRemovable', () => {
  it('protects transactions that may still land', () => {
    const protectedKinds = kinds.filter((kind) => !isRemovable(kind));
    expect(protectedKinds).toEqual(['signed', 'sent', 'confirmed']);
  });
});
