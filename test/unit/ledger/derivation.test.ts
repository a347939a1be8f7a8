import { describe, expect, it } from 'vitest';

import {
  derivationPathOf,
  parseDerivationPath,
  schemeOfPath,
} from '../../../src/main/ledger/derivation';
import { WalletError } from '../../../src/shared/errors';

describe('derivationPathOf', () => {
  it('gives the root scheme its single path', () => {
    expect(derivationPathOf('root', 0)).toBe("44'/501'");
  });

  it('puts the index third for bip44', () => {
    expect(derivationPathOf('bip44', 7)).toBe("44'/501'/7'");
  });

  it('adds a hardened change level for bip44-change', () => {
    expect(derivationPathOf('bip44-change', 7)).toBe("44'/501'/7'/0'");
  });

  it('rejects a root index other than 0', () => {
    expect(() => derivationPathOf('root', 1)).toThrow(WalletError);
  });

  it('rejects negative, fractional and too large indexes', () => {
    expect(() => derivationPathOf('bip44', -1)).toThrow(WalletError);
    expect(() => derivationPathOf('bip44', 1.5)).toThrow(WalletError);
    expect(() => derivationPathOf('bip44', 0x8000_0000)).toThrow(WalletError);
  });
});

describe('schemeOfPath', () => {
  it('recognises each scheme', () => {
    expect(schemeOfPath("44'/501'")).toEqual({ scheme: 'root', index: 0 });
    expect(schemeOfPath("44'/501'/3'")).toEqual({ scheme: 'bip44', index: 3 });
    expect(schemeOfPath("44'/501'/3'/0'")).toEqual({ scheme: 'bip44-change', index: 3 });
  });

  it('returns undefined for other layouts', () => {
    expect(schemeOfPath("44'/501'/3'/1'")).toBeUndefined();
    expect(schemeOfPath("44'/501'/0'/0'/0'")).toBeUndefined();
  });
});

describe('parseDerivationPath', () => {
  it('hardens every element', () => {
    expect(parseDerivationPath("44'/501'/0'")).toEqual([0x8000002c, 0x800001f5, 0x80000000]);
  });

  it.each([
    "m/44'/501'/0'",
    "44'/60'/0'",
    "44'/501'/0",
    "44'/501'/0'/0'/0'/0'",
    "44'/501'/2147483648'",
    '',
  ])('rejects %s', (path) => {
    expect(() => parseDerivationPath(path)).toThrow(WalletError);
  });
});
