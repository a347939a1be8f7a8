import type {
  DerivationScheme,
  DiscoveryProgress,
  LedgerAccount,
} from '../../shared/domain/ledger';
import { WalletError } from '../../shared/errors';
import { DERIVATION_SCHEMES, toLedgerAccount } from './derivation';

/** Unused accounts in a row after which a scheme is not searched further (the BIP-44 gap limit). */
export const DEFAULT_GAP_LIMIT = 10;

export interface DiscoveryOptions {
  /**
   * Whether an address has ever been used: a balance, stake accounts where it is staker
   * or withdrawer, or any history. The chain service supplies it.
   */
  isUsed(address: string, signal?: AbortSignal): Promise<boolean>;
  signal?: AbortSignal;
  onProgress?(progress: DiscoveryProgress): void;
  /** Schemes to search, in order; all three when absent. */
  schemes?: readonly DerivationScheme[];
  gapLimit?: number;
}

export type AddressDeriver = (
  scheme: DerivationScheme,
  index: number,
  signal?: AbortSignal,
) => Promise<string>;

/**
 * Walks each scheme from index 0 and returns every used account, labelled with its
 * path and scheme. A scheme ends after `gapLimit` unused accounts in a row; `root` has
 * a single account. Searching all three schemes matters because the same seed gives
 * different addresses under them, and funds under a scheme the wallet does not search seem lost.
 */
export async function discoverAccounts(
  deriveAddress: AddressDeriver,
  options: DiscoveryOptions,
): Promise<LedgerAccount[]> {
  const gapLimit = options.gapLimit ?? DEFAULT_GAP_LIMIT;
  if (!Number.isInteger(gapLimit) || gapLimit < 1) {
    throw new RangeError(`gapLimit must be a positive integer; got ${gapLimit}`);
  }

  const found: LedgerAccount[] = [];
  let accountsChecked = 0;

  for (const scheme of options.schemes ?? DERIVATION_SCHEMES) {
    const lastIndex = scheme === 'root' ? 0 : Number.POSITIVE_INFINITY;
    let consecutiveUnused = 0;

    for (let index = 0; index <= lastIndex && consecutiveUnused < gapLimit; index += 1) {
      throwIfAborted(options.signal);
      const address = await deriveAddress(scheme, index, options.signal);

      throwIfAborted(options.signal);
      const used = await options.isUsed(address, options.signal);
      const account = toLedgerAccount(scheme, index, address);

      accountsChecked += 1;
      consecutiveUnused = used ? 0 : consecutiveUnused + 1;
      if (used) {
        found.push(account);
      }

      options.onProgress?.({
        scheme,
        index,
        path: account.path,
        address,
        used,
        consecutiveUnused,
        accountsChecked,
        accountsFound: found.length,
      });
    }
  }

  return found;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new WalletError('CANCELLED', {});
  }
}
