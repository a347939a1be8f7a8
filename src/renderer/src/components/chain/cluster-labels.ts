import type { ClusterId } from '../../../../shared/domain/chain';

export const clusterLabels: Record<ClusterId, string> = {
  'mainnet-beta': 'Mainnet Beta',
  devnet: 'Devnet',
  testnet: 'Testnet',
  localnet: 'Local',
  custom: 'Custom',
};
