import type { MethodInput, MethodName } from '../../../src/shared/contract';

// Speculos keys 44'/501'/0' and 44'/501'/1', the stake account createWithSeed(44'/501'/0',
// "stake:0123456789abcdef0123456789") and Ledger by Figment's vote account.
const ACCOUNT = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const OTHER_ACCOUNT = '51ghjSDi9xZpm69SvoovzKm9m1tP1Z79SiiiHFDsMdnZ';
const STAKE_ACCOUNT = 'AH9SphFp84i1yzeNMTZD2cX8MRVJfkpdNLNjn5Cmh6VQ';
const OTHER_STAKE_ACCOUNT = '3N7s9zXMZ4QqvHQR15t8GNHyqc89KduzPdmnrzGo6Ggg';
const VOTE_ACCOUNT = '26pV97Ce83ZQ6Kz9XT4td8tdoUFPTng8Fb8gPyc53dJx';

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
  listNonceAccounts: { refresh: false },
  prepareNonceAccount: { authority: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH' },
  queueTransaction: {
    messageBase64: 'AQABAzVJ',
    intent: { kind: 'delegate', summary: 'Delegate 1 SOL' },
  },
  prepareNonceUnstake: {
    account: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
    stakeAccount: 'Stake11111111111111111111111111111111111111',
    nonceAccount: 'Vote111111111111111111111111111111111111111',
  },
  prepareNonceOperation: {
    nonceAccount: 'Vote111111111111111111111111111111111111111',
    operation: {
      operation: 'withdraw',
      input: {
        account: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH',
        stakeAccount: 'Stake11111111111111111111111111111111111111',
        amount: { unit: 'all' },
      },
    },
  },
  listPendingTransactions: {},
  reviewPendingTransaction: { id: '3b241101-e2bb-4255-8caf-4136c566a962' },
  signPendingTransaction: {
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    reviewId: '6f9619ff-8b86-4011-b42d-00c04fc964ff',
  },
  cancelPendingSigning: {},
  sendPendingTransaction: { id: '3b241101-e2bb-4255-8caf-4136c566a962' },
  sendSignedTransactions: {},
  discardPendingTransaction: { id: '3b241101-e2bb-4255-8caf-4136c566a962' },
  exportTransactionFile: { id: '3b241101-e2bb-4255-8caf-4136c566a962' },
  importTransactionFile: { content: '{"format":"ledger-stake-desk/transaction","version":1}' },
  signImportedTransaction: { importId: '3b241101-e2bb-4255-8caf-4136c566a962' },
  getAuditLog: {},
  exportAuditCsv: {},
  exportRewardsCsv: { epochs: 5 },
  getMaxStakeable: { account: ACCOUNT, percent: 50, validatorCount: 2 },
  getMergeOptions: { account: ACCOUNT, destination: STAKE_ACCOUNT },
  prepareCreateStake: {
    account: ACCOUNT,
    voteAccount: VOTE_ACCOUNT,
    amount: { unit: 'sol', value: '1.5' },
  },
  prepareDelegate: { account: ACCOUNT, stakeAccount: STAKE_ACCOUNT, voteAccount: VOTE_ACCOUNT },
  prepareDeactivate: { account: ACCOUNT, stakeAccount: STAKE_ACCOUNT },
  prepareWithdraw: {
    account: ACCOUNT,
    stakeAccount: STAKE_ACCOUNT,
    amount: { unit: 'all' },
    recipient: ACCOUNT,
  },
  prepareSplit: {
    account: ACCOUNT,
    stakeAccount: STAKE_ACCOUNT,
    amount: { unit: 'lamports', value: '1000000000' },
  },
  prepareMerge: { account: ACCOUNT, destination: STAKE_ACCOUNT, source: OTHER_STAKE_ACCOUNT },
  prepareAuthorize: {
    account: ACCOUNT,
    stakeAccount: STAKE_ACCOUNT,
    changes: [{ authorityType: 'withdrawer', newAuthority: OTHER_ACCOUNT }],
  },
  prepareRedelegate: { account: ACCOUNT, stakeAccount: STAKE_ACCOUNT, voteAccount: VOTE_ACCOUNT },
  prepareStakeAcrossValidators: {
    account: ACCOUNT,
    allocations: [{ voteAccount: VOTE_ACCOUNT, amount: { unit: 'sol', value: '2' } }],
  },
  prepareWithdrawMany: {
    account: ACCOUNT,
    stakeAccounts: [STAKE_ACCOUNT, OTHER_STAKE_ACCOUNT],
  },
  signAndSend: { draftId: '3b241101-e2bb-4255-8caf-4136c566a962' },
  cancelStakeFlow: { draftId: '3b241101-e2bb-4255-8caf-4136c566a962' },
  rebuildExpired: { draftId: '3b241101-e2bb-4255-8caf-4136c566a962' },
};
