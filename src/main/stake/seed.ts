import { randomBytes as nodeRandomBytes } from 'node:crypto';

import { type PublicKey } from '@solana/web3.js';

import { WalletError } from '../../shared/errors';
import { deriveAddressWithSeed, STAKE_PROGRAM_ID } from './addresses';

export type SeedScheme = 'sequential' | 'random';

export interface StakeSeedSearch {
  /** The Ledger key the stake account address derives from. */
  base: PublicKey;
  /** Addresses in use: stake accounts found on chain and creations still pending. */
  takenAddresses?: Iterable<string>;
  takenSeeds?: Iterable<string>;
  /** Extra test, for example a fresh look-up of the address on chain. */
  isTaken?: (address: string, seed: string) => boolean;
  /**
   * sequential: `stake:0`, `stake:1`, …, the first free one. random: `stake:` and 26 hex
   * digits (32 bytes in all), the scheme newer Ledger Live releases use.
   */
  scheme?: SeedScheme;
  /** Source of random bytes; replaceable so tests are deterministic. */
  randomBytes?: (length: number) => Uint8Array;
  maxAttempts?: number;
}

export interface StakeSeed {
  seed: string;
  address: PublicKey;
}

const DEFAULT_MAX_ATTEMPTS = 10_000;

/**
 * Picks a seed whose derived stake account address is free. A seed is skipped when the seed,
 * or the address it derives, is taken or `isTaken` returns true. That covers accounts created by
 * other wallets with the same base.
 *
 * @throws WalletError STAKE_SEED_EXHAUSTED after `maxAttempts` candidates.
 */
export function chooseStakeSeed(search: StakeSeedSearch): StakeSeed {
  const takenAddresses = new Set(search.takenAddresses ?? []);
  const takenSeeds = new Set(search.takenSeeds ?? []);
  const maxAttempts = search.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const nextCandidate = candidateGenerator(search);

  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const seed = nextCandidate(attempt);
    if (takenSeeds.has(seed)) {
      continue;
    }

    const address = deriveAddressWithSeed(search.base, seed, STAKE_PROGRAM_ID);
    const text = address.toBase58();
    if (takenAddresses.has(text) || search.isTaken?.(text, seed) === true) {
      continue;
    }
    return { seed, address };
  }

  throw new WalletError(
    'STAKE_SEED_EXHAUSTED',
    { base: search.base.toBase58(), attempts: maxAttempts },
    `No free stake account seed was found for ${search.base.toBase58()} after ${maxAttempts} attempts.`,
  );
}

function candidateGenerator(search: StakeSeedSearch): (attempt: number) => string {
  const scheme = search.scheme ?? 'sequential';

  switch (scheme) {
    case 'sequential':
      return (attempt) => `stake:${attempt}`;
    case 'random': {
      const random =
        search.randomBytes ?? ((length: number) => new Uint8Array(nodeRandomBytes(length)));
      return () => `stake:${Buffer.from(random(13)).toString('hex')}`;
    }
  }
}
