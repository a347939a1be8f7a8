import type { MethodInput, MethodName } from '../../../src/shared/contract';

/**
 * One valid input per contract method. The type makes this table fail to compile when a
 * method is added without a sample, so the bridge tests always cover every method.
 */
export const validInputs: { [M in MethodName]: MethodInput<M> } = {
  getAppInfo: {},
  getSettings: {},
  updateSettings: { theme: 'dark' },
  openExternal: { url: 'https://explorer.solana.com/address/11111111111111111111111111111111' },
  getDeviceState: {},
  discoverAccounts: { schemes: ['root', 'bip44', 'bip44-change'], gapLimit: 5 },
  cancelDiscovery: {},
  listAccounts: {},
  renameAccount: { address: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH', name: 'Savings' },
  removeAccount: { address: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH' },
  verifyAddress: { address: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH' },
  reviewTransaction: {
    text: 'AQABAzVJ',
    signer: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
  },
  signReviewedTransaction: { reviewId: '3b241101-e2bb-4255-8caf-4136c566a962' },
  cancelSigning: {},
  getPortfolio: {},
  refreshPortfolio: { rewardEpochs: 3 },
  listValidators: { refresh: false },
  getNetworkStatus: { check: false },
  setCluster: { cluster: 'devnet' },
  setEndpoints: { cluster: 'devnet', urls: ['https://api.devnet.solana.com'] },
  testEndpoint: { url: 'http://127.0.0.1:8899', cluster: 'localnet' },
};
