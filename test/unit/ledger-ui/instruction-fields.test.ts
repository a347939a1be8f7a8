import { describe, expect, it } from 'vitest';

import { formatField } from '../../../src/renderer/src/components/ledger/instruction-fields';

const noNames = (address: string): string => address;

describe('formatField', () => {
  it('shows the compute unit price in micro-lamports per compute unit, not SOL', () => {
    expect(formatField('microLamports', '5000000', noNames)).toBe(
      '5000000 micro-lamports per compute unit',
    );
  });

  it('still shows lamport amounts as SOL', () => {
    expect(formatField('lamports', '1000000000', noNames)).toBe('1 SOL (1000000000 lamports)');
  });
});
