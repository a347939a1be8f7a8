import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';

/** Default seed of Speculos (Ledger's device emulator); every public test vector uses it. */
export const SPECULOS_MNEMONIC =
  'glory promote mansion idle axis finger extra february uncover one trip resource lawn turtle enact monster seven myth punch hobby comfort wild raise skin';

export const HARDENED_OFFSET = 0x8000_0000;

/** Raised for a path SLIP-0010 Ed25519 cannot derive (it has hardened children only). */
export class DerivationError extends Error {
  override readonly name = 'DerivationError';
}

interface ExtendedKey {
  readonly key: Uint8Array;
  readonly chainCode: Uint8Array;
}

const encoder = new TextEncoder();

/** SLIP-0010 master key for Ed25519: HMAC-SHA512 keyed with "ed25519 seed". */
function masterKey(seed: Uint8Array): ExtendedKey {
  const digest = hmac(sha512, encoder.encode('ed25519 seed'), seed);
  return { key: digest.slice(0, 32), chainCode: digest.slice(32) };
}

function hardenedChild(parent: ExtendedKey, index: number): ExtendedKey {
  const data = new Uint8Array(1 + 32 + 4);
  data.set(parent.key, 1);
  new DataView(data.buffer).setUint32(33, index, false);
  const digest = hmac(sha512, parent.chainCode, data);
  return { key: digest.slice(0, 32), chainCode: digest.slice(32) };
}

/** Derives the Ed25519 secret key of `path` (indexes with the hardened bit set) from a seed. */
export function deriveSlip10Ed25519(seed: Uint8Array, path: readonly number[]): Uint8Array {
  let node = masterKey(seed);
  for (const index of path) {
    if (index < HARDENED_OFFSET || index > 0xffff_ffff) {
      throw new DerivationError(
        `Index ${index} is not hardened: SLIP-0010 Ed25519 derives hardened children only`,
      );
    }
    node = hardenedChild(node, index);
  }
  return node.key;
}

/**
 * Parses "44'/501'/0'" (an optional leading "m/", "'" or "h" for hardened) into indexes.
 * Unmarked segments stay unhardened, so the device can be asked for paths it must refuse.
 */
export function parseDerivationPath(path: string): number[] {
  const segments = path.replace(/^m\//, '').split('/');
  return segments.map((segment) => {
    const match = /^(\d+)(['h]?)$/.exec(segment);
    if (!match) {
      throw new DerivationError(`Invalid derivation path segment "${segment}" in "${path}"`);
    }
    const index = Number(match[1]);
    if (index >= HARDENED_OFFSET) {
      throw new DerivationError(`Index ${index} in "${path}" is out of range`);
    }
    return match[2] ? index + HARDENED_OFFSET : index;
  });
}

export function formatDerivationPath(path: readonly number[]): string {
  return path
    .map((index) => (index >= HARDENED_OFFSET ? `${index - HARDENED_OFFSET}'` : String(index)))
    .join('/');
}

const seedCache = new Map<string, Uint8Array>();

/** BIP-39 seed, computed once per mnemonic because PBKDF2 with 2048 rounds is slow. */
function seedFor(mnemonic: string, passphrase: string): Uint8Array {
  const cacheKey = `${mnemonic}\u0000${passphrase}`;
  const cached = seedCache.get(cacheKey);
  if (cached) {
    return cached;
  }
  if (!validateMnemonic(mnemonic, wordlist)) {
    throw new DerivationError('Invalid BIP-39 mnemonic');
  }
  const seed = mnemonicToSeedSync(mnemonic, passphrase);
  seedCache.set(cacheKey, seed);
  return seed;
}

/** The device's keys: a BIP-39 seed, SLIP-0010 Ed25519 derivation and RFC 8032 signatures. */
export class Slip10Keyring {
  private readonly seed: Uint8Array;

  constructor(mnemonic: string = SPECULOS_MNEMONIC, passphrase = '') {
    this.seed = seedFor(mnemonic, passphrase);
  }

  publicKey(path: readonly number[]): Uint8Array {
    return ed25519.getPublicKey(deriveSlip10Ed25519(this.seed, path));
  }

  sign(path: readonly number[], message: Uint8Array): Uint8Array {
    return ed25519.sign(message, deriveSlip10Ed25519(this.seed, path));
  }
}

export function verifyEd25519(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  return ed25519.verify(signature, message, publicKey);
}
