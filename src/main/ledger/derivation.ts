import {
  derivationPathSchema,
  type DerivationScheme,
  type LedgerAccount,
} from '../../shared/domain/ledger';
import { WalletError } from '../../shared/errors';

export const DERIVATION_SCHEMES: readonly DerivationScheme[] = ['root', 'bip44', 'bip44-change'];

const HARDENED_OFFSET = 0x8000_0000;

/** Builds the path of account `index` in a scheme; `root` has the single index 0. */
export function derivationPathOf(scheme: DerivationScheme, index: number): string {
  assertAccountIndex(scheme, index);

  switch (scheme) {
    case 'root':
      return "44'/501'";
    case 'bip44':
      return `44'/501'/${index}'`;
    case 'bip44-change':
      return `44'/501'/${index}'/0'`;
  }
}

/** Finds the scheme and index a path belongs to, or undefined for any other layout. */
export function schemeOfPath(
  path: string,
): { scheme: DerivationScheme; index: number } | undefined {
  const elements = parseDerivationPath(path).map((element) => element - HARDENED_OFFSET);
  const [, , account, change] = elements;

  if (elements.length === 2) {
    return { scheme: 'root', index: 0 };
  }
  if (elements.length === 3 && account !== undefined) {
    return { scheme: 'bip44', index: account };
  }
  if (elements.length === 4 && account !== undefined && change === 0) {
    return { scheme: 'bip44-change', index: account };
  }
  return undefined;
}

/**
 * Parses a path such as `44'/501'/0'` into hardened u32 elements, throwing
 * INVALID_REQUEST for anything outside 44'/501' (the only subtree the Solana app may
 * derive from).
 */
export function parseDerivationPath(path: string): number[] {
  const checked = derivationPathSchema.safeParse(path);
  if (!checked.success) {
    throw new WalletError(
      'INVALID_REQUEST',
      {
        method: 'ledger',
        issues: checked.error.issues.map((issue) => ({ path: 'path', message: issue.message })),
      },
      `Invalid derivation path "${path}"`,
    );
  }

  return path.split('/').map((element) => Number.parseInt(element, 10) + HARDENED_OFFSET);
}

export function toLedgerAccount(
  scheme: DerivationScheme,
  index: number,
  address: string,
): LedgerAccount {
  return { address, path: derivationPathOf(scheme, index), scheme, index };
}

function assertAccountIndex(scheme: DerivationScheme, index: number): void {
  const valid =
    Number.isInteger(index) &&
    index >= 0 &&
    index < HARDENED_OFFSET &&
    !(scheme === 'root' && index !== 0);
  if (!valid) {
    throw new WalletError(
      'INVALID_REQUEST',
      {
        method: 'ledger',
        issues: [{ path: 'index', message: `Invalid account index ${index} for scheme ${scheme}` }],
      },
      `Invalid account index ${index} for scheme ${scheme}`,
    );
  }
}
