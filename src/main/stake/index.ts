/**
 * Stake transactions: amounts, builders, pre-sign checks and the review model. Everything
 * here is pure: chain values (blockhash or nonce, rent reserve, minimum delegation, fees,
 * account states) and the device's app version are parameters.
 */
export { formatLamports, formatSol, LAMPORTS_PER_SOL, parseSolAmount, U64_MAX } from './amount';
export type { ParseSolAmountOptions } from './amount';

export {
  deriveAddressWithSeed,
  STAKE_ACCOUNT_SPACE,
  STAKE_PROGRAM_ID,
  SYSTEM_PROGRAM_ID,
} from './addresses';
export { deviceProfileFor } from './device-profile';
export type { DeviceProfile } from './device-profile';
export { chooseStakeSeed } from './seed';
export type { SeedScheme, StakeSeed, StakeSeedSearch } from './seed';
export { assertTransactionSize, MAX_TRANSACTION_BYTES, transactionSizeBytes } from './size';

export { composeTransaction } from './compose';
export type {
  BuildContext,
  BuiltTransaction,
  ComputeBudgetPart,
  ComputeBudgetRequest,
  TransactionLifetime,
} from './compose';
export { batchInstructionGroups } from './batch';
export type { Batch, BatchOptions } from './batch';
export { buildCreateAndDelegate, createAndDelegateGroup } from './builders/create-and-delegate';
export type { CreateAndDelegateParams, StakeAccountGroup } from './builders/create-and-delegate';
export {
  buildDeactivate,
  buildDelegate,
  buildMerge,
  buildWithdraw,
} from './builders/single-instruction';
export { buildSplit } from './builders/split';
export type { SplitParams } from './builders/split';
export { buildAuthorize } from './builders/authorize';
export type { AuthorityChange, AuthorizeParams } from './builders/authorize';
export { planRedelegation } from './builders/redelegate';
export type { RedelegationPlan } from './builders/redelegate';
export { buildStakeAcrossValidators, buildWithdrawBatches } from './builders/batches';
export type {
  StakeAcrossValidatorsParams,
  StakeAcrossValidatorsResult,
  ValidatorAllocation,
  WithdrawalRequest,
} from './builders/batches';

export { EPOCH_UNSET, stakeAccountStatus } from './stake-account';
export type {
  ClusterTime,
  StakeAccountSnapshot,
  StakeAccountState,
  StakeAccountStatus,
  StakeActivationAmounts,
  StakeDelegation,
  StakeLockup,
  StakeMeta,
} from './stake-account';
export {
  assertFeePayerCanPay,
  assertStakeAmount,
  keptReserveLamports,
  maxStakeableLamports,
  stakeableLamportsForPercent,
} from './checks/balance';
export type { FeePayerCheck, KeptReserveInput, StakeBudget } from './checks/balance';
export { assertWithdrawAmount, withdrawLimits } from './checks/withdraw';
export type { WithdrawCheck, WithdrawLimits } from './checks/withdraw';
export { assertWithdrawRecipient } from './checks/recipient';
export type { RecipientCheck } from './checks/recipient';
export { assertLockupNotInForce, isLockupInForce } from './checks/lockup';
export { partialSplitRange, planSplit } from './checks/split';
export type { SplitCheck, SplitPlan } from './checks/split';
export { assertMergeable, checkMerge, describeMergeRejection, mergeKindOf } from './checks/merge';
export type { MergeCheck, MergeKind } from './checks/merge';
export {
  assertCanDeactivate,
  assertCanDelegate,
  assertSignerIsAuthority,
} from './checks/account-state';
export { describeSimulationError } from './simulation-error';
export type { SimulationFailure } from './simulation-error';

export { buildReviewModel, messageHashOf } from './review/review-model';
export { predictDeviceReview, screensShownInAnyMode } from './review/device-review';
export type { DeviceReviewInput } from './review/device-review';
export type { ReviewContext } from './review/review-model';
export type { ValidatorFacts } from './review/warnings';
export type { PubkeyDisplay } from './review/screen-collector';
export { parseMessage } from './review/message-parser';
export type { ParsedMessage } from './review/message-parser';
