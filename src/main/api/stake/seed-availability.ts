import type { PublicKey } from '@solana/web3.js';

import { fetchMultipleAccounts, type ChainService } from '../../chain';
import {
  chooseStakeSeed,
  deriveAddressWithSeed,
  STAKE_PROGRAM_ID,
  SYSTEM_PROGRAM_ID,
  type StakeSeed,
  type StakeSeedSearch,
} from '../../stake';

/** Seeds checked on chain per request; getMultipleAccounts takes 100 addresses. */
const WINDOW = 100;
/** Windows checked at most, so a key with thousands of seeded accounts still finishes. */
const MAX_WINDOWS = 20;

export interface SeedAvailabilityOptions {
  /** Addresses held back by drafts that are not settled yet. */
  reserved: ReadonlySet<string>;
  /**
   * Count an empty system account holding lamports as free. Right for a split destination,
   * which AllocateWithSeed takes over as it is; wrong for CreateAccountWithSeed, which fails
   * on any existing account.
   */
  allowFundedSystemAccount?: boolean;
  signal?: AbortSignal;
}

/** Free sequential seeds of one base key, each with the lamports its address already holds. */
export interface SeedAvailability {
  search: Omit<StakeSeedSearch, 'base'>;
  lamportsAt(address: string): bigint;
}

/**
 * Checks the addresses of `stake:0`, `stake:1`, … on chain, 100 at a time, until `needed`
 * of them are free: no account there (or, when allowed, an empty system account) and not
 * reserved by another draft. Seeds beyond the windows checked count as taken, so
 * `chooseStakeSeed` only returns addresses read on chain here.
 */
export async function findFreeSeeds(
  chain: ChainService,
  base: PublicKey,
  needed: number,
  options: SeedAvailabilityOptions,
): Promise<SeedAvailability> {
  const free = new Map<string, bigint>();
  let checked = 0;

  for (let window = 0; window < MAX_WINDOWS && free.size < needed; window += 1) {
    const addresses = Array.from({ length: WINDOW }, (_, offset) =>
      deriveAddressWithSeed(base, `stake:${checked + offset}`, STAKE_PROGRAM_ID).toBase58(),
    );
    const batch = await fetchMultipleAccounts(chain.rpc, addresses, { signal: options.signal });
    for (const address of addresses) {
      const account = batch.accounts.get(address) ?? null;
      if (options.reserved.has(address)) {
        continue;
      }
      if (account === null) {
        free.set(address, 0n);
      } else if (
        options.allowFundedSystemAccount === true &&
        account.owner === SYSTEM_PROGRAM_ID.toBase58() &&
        account.data.length === 0
      ) {
        free.set(address, account.lamports);
      }
    }
    checked += WINDOW;
  }

  return {
    search: {
      scheme: 'sequential',
      isTaken: (address) => !free.has(address),
      maxAttempts: checked,
    },
    lamportsAt: (address) => free.get(address) ?? 0n,
  };
}

/** Picks the first free seed of `availability`. */
export function chooseFreeSeed(base: PublicKey, availability: SeedAvailability): StakeSeed {
  return chooseStakeSeed({ ...availability.search, base });
}
