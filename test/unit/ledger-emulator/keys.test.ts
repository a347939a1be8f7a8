import { PublicKey } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  DerivationError,
  SPECULOS_MNEMONIC,
  Slip10Keyring,
  formatDerivationPath,
  parseDerivationPath,
  toHex,
  verifyEd25519,
} from '../../support/ledger-emulator';

const DERIVATION_TABLE: readonly [string, string, string][] = [
  [
    "44'/501'",
    '5eb9862fe23e544a2a0969cc157cb31fd72901cc2824d536a67fb8ee911e0236',
    '7NmQKgPPDM6EjZSLbSVRXDd6UvPN7azaXF5YJNUJpqG9',
  ],
  [
    "44'/501'/0'",
    '1572e52f2c5e7e66bc19ac6cd30b6d696ea799cfe6d784542ab7d8b7fe315b5c',
    '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
  ],
  [
    "44'/501'/1'",
    '3b9ba3a2ebaf40c1cd672a80a8e1932b982cca8264be33c39359701e113c3da2',
    '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ',
  ],
  [
    "44'/501'/0'/0'",
    'c45a24a9739accab4e759af91435a89ae9b78e6f145b0ac6786df0423438c524',
    'EDUded8fGxKkRTWWjE9YFzCmrW54aXXabVKLn3NyvHqV',
  ],
  [
    "44'/501'/0'/0'/0'",
    '4d65a10662b9759d62bb59048366705454654cf4f9b4b3525cf314429e46c691',
    '6D8GtWkKJgToM5UoiByHqjQCCC9Dq1Hh7iNmU4jKSs12',
  ],
  [
    "44'/501'/11111'",
    '940268ac4c37ea0bc96c9c40ef33ace07a3034d650c43737fea9568b8c91da54',
    'AxmUF3qkdz1zs151Q5WttVMkFpFGQPwghZs4d1mwY55d',
  ],
];

describe('Slip10Keyring with the Speculos mnemonic', () => {
  const keyring = new Slip10Keyring(SPECULOS_MNEMONIC);

  it.each(DERIVATION_TABLE)('derives %s byte for byte', (path, hex, base58) => {
    const publicKey = keyring.publicKey(parseDerivationPath(path));

    expect(toHex(publicKey)).toBe(hex);
    expect(new PublicKey(publicKey).toBase58()).toBe(base58);
  });

  it('signs with RFC 8032 signatures that verify', () => {
    const path = parseDerivationPath("44'/501'/0'");
    const message = new TextEncoder().encode('stake');

    const signature = keyring.sign(path, message);

    expect(signature).toHaveLength(64);
    expect(verifyEd25519(signature, message, keyring.publicKey(path))).toBe(true);
    expect(
      verifyEd25519(signature, new TextEncoder().encode('other'), keyring.publicKey(path)),
    ).toBe(false);
  });

  it('refuses unhardened indexes', () => {
    expect(() => keyring.publicKey(parseDerivationPath("44'/501'/0"))).toThrow(DerivationError);
  });

  it('refuses an invalid mnemonic', () => {
    expect(() => new Slip10Keyring('glory promote mansion')).toThrow(DerivationError);
  });
});

describe('derivation path text', () => {
  it('parses hardened markers and an m/ prefix', () => {
    expect(parseDerivationPath("m/44'/501h/2")).toEqual([0x8000002c, 0x800001f5, 2]);
  });

  it('formats indexes back to text', () => {
    expect(formatDerivationPath([0x8000002c, 0x800001f5, 2])).toBe("44'/501'/2");
  });

  it('rejects a malformed segment', () => {
    expect(() => parseDerivationPath("44'/x")).toThrow(DerivationError);
  });
});
