import type { ClusterId } from '../../../shared/domain/chain';

const EXPLORER = 'https://explorer.solana.com';

/**
 * Returns the Solana Explorer page of a transaction on the cluster it was sent to. A local or
 * custom cluster is passed as `customUrl`, which Explorer reads from the person's own browser.
 */
export function explorerTransactionUrl(
  cluster: ClusterId,
  endpoint: string,
  signature: string,
): string {
  const base = `${EXPLORER}/tx/${signature}`;
  switch (cluster) {
    case 'mainnet-beta':
      return base;
    case 'devnet':
    case 'testnet':
      return `${base}?cluster=${cluster}`;
    case 'localnet':
    case 'custom':
      return `${base}?cluster=custom&customUrl=${encodeURIComponent(endpoint)}`;
  }
}
