import type { DerivationScheme } from '../../../../shared/domain/ledger';

export { formatSol } from '../../../../shared/text/sol';

/** Name of each derivation scheme, with the wallets that use it. */
export const schemeLabels: Record<DerivationScheme, string> = {
  root: "Root 44'/501' (Solana CLI)",
  bip44: "44'/501'/n' (Ledger Live)",
  'bip44-change': "44'/501'/n'/0' (Phantom, Solflare)",
};
