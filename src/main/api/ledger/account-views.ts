import type { AccountView } from '../../../shared/contract/ledger';
import type { DerivationScheme } from '../../../shared/domain/ledger';
import type { StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import { DERIVATION_SCHEMES, schemeOfPath } from '../../ledger';

/** Describes a stored account for the page, with the scheme its path belongs to. */
export function toAccountView(account: StoredAccount): AccountView {
  const position = schemePositionOf(account.derivationPath);
  return {
    address: account.publicKey,
    name: account.name,
    path: account.derivationPath,
    scheme: position?.scheme ?? null,
    index: position?.index ?? null,
  };
}

/** Orders accounts by scheme (root, bip44, bip44-change, then other paths) and index. */
export function sortAccountViews(accounts: AccountView[]): AccountView[] {
  const rank = (scheme: DerivationScheme | null): number =>
    scheme === null ? DERIVATION_SCHEMES.length : DERIVATION_SCHEMES.indexOf(scheme);
  return [...accounts].sort(
    (left, right) =>
      rank(left.scheme) - rank(right.scheme) ||
      (left.index ?? 0) - (right.index ?? 0) ||
      left.path.localeCompare(right.path),
  );
}

/** Finds a stored account by address, throwing ACCOUNT_NOT_FOUND when it is not stored. */
export function findStoredAccount(accounts: StoredAccount[], address: string): StoredAccount {
  const account = accounts.find((candidate) => candidate.publicKey === address);
  if (account === undefined) {
    throw new WalletError('ACCOUNT_NOT_FOUND', { address });
  }
  return account;
}

/** Formats the review's label of one of the person's accounts, such as "Savings (44'/501'/0')". */
export function accountLabel(account: StoredAccount): string {
  const name = account.name === '' ? 'Ledger account' : account.name;
  return `${name} (${account.derivationPath})`;
}

function schemePositionOf(path: string): { scheme: DerivationScheme; index: number } | undefined {
  try {
    return schemeOfPath(path);
  } catch (error) {
    // The store accepts unhardened elements, which no scheme uses.
    if (error instanceof WalletError && error.code === 'INVALID_REQUEST') {
      return undefined;
    }
    throw error;
  }
}
