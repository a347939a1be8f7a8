export { ChainService } from './chainService';
export type {
  ChainServiceDependencies,
  RewardsReport,
  StakeAccountsByAddress,
} from './chainService';

export { StakeAccountService } from './discovery/stakeAccountService';
export type { RefreshOptions, StakeAccountsRefresh } from './discovery/stakeAccountService';
export { ValidatorService } from './validators/validatorService';
export type { ValidatorList, ValidatorListOptions } from './validators/validatorService';

export { RpcService } from './rpc/rpcService';
export type { RpcRequestOptions, RpcResponse, RpcServiceDependencies } from './rpc/rpcService';
export { RequestTally } from './rpc/requestTally';
export { defaultRetryPolicy } from './rpc/retryPolicy';
export type { RetryPolicy } from './rpc/retryPolicy';
export {
  createClusterConfig,
  defaultClusterUrls,
  knownGenesisHashes,
  parseEndpoint,
  redactEndpointUrl,
} from './rpc/endpoints';
export { testEndpoint } from './rpc/testEndpoint';
export type { EndpointTestOptions } from './rpc/testEndpoint';
export {
  MAX_ACCOUNTS_PER_REQUEST,
  fetchMultipleAccounts,
  fetchProgramAccounts,
} from './rpc/accountReads';
export type { FetchedAccount, ReadOptions } from './rpc/accountReads';

export { EPOCH_NOT_SET, decodeStakeState } from './decode/stakeState';
export type {
  Authorized,
  Delegation,
  Lockup,
  StakeData,
  StakeMeta,
  StakeState,
} from './decode/stakeState';
export { decodeStakeHistory } from './decode/stakeHistory';
export type { StakeHistory, StakeHistoryEntry } from './decode/stakeHistory';
export { CLOCK_SYSVAR_ID, decodeClock } from './decode/clock';
export type { ClockSysvar } from './decode/clock';
export { decodeValidatorInfo } from './decode/validatorInfo';
export type { ValidatorInfo } from './decode/validatorInfo';

export {
  DEFAULT_WARMUP_COOLDOWN_RATE,
  NEW_WARMUP_COOLDOWN_RATE,
  computeStakeActivation,
  warmupCooldownRate,
} from './stake/activation';
export type { StakeActivation } from './stake/activation';
export { computeStakeBalances, isLockupInForce } from './stake/stakeBalances';
export type { ActivationContext, StakeBalances, StakeStateWithMeta } from './stake/stakeBalances';
export { fetchEpochContext } from './stake/epochContext';
export type { EpochContext } from './stake/epochContext';
export { getEpochOfSlot, getFirstSlotOfEpoch } from './stake/epochSchedule';
export { summarizePortfolio } from './stake/portfolioSummary';

export { computeAprByAddress } from './rewards/apr';
export { fetchInflationRewards, listRecentCompletedEpochs } from './rewards/inflationRewards';
export { findSuperminority } from './validators/superminority';
export { estimateApy } from './validators/apyEstimate';

export {
  CONFIG_PROGRAM_ID,
  REDUCE_STAKE_WARMUP_COOLDOWN_FEATURE_ID,
  STAKE_ACCOUNT_DATA_LENGTH,
  STAKE_HISTORY_SYSVAR_ID,
  STAKE_PROGRAM_ID,
  STAKER_OFFSET,
  VALIDATOR_INFO_KEY,
  WITHDRAWER_OFFSET,
} from './programIds';
