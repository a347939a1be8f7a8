import type { z } from 'zod';

import type {
  FlowCheck,
  FollowUp,
  StakeOperation,
  stakeMethods,
} from '../../../shared/contract/stake';
import type { BuiltTransaction, ValidatorFacts } from '../../stake';

type InputOf<M extends keyof typeof stakeMethods> = z.output<(typeof stakeMethods)[M]['input']>;

export type CreateStakeInput = InputOf<'prepareCreateStake'>;
export type DelegateInput = InputOf<'prepareDelegate'>;
export type DeactivateInput = InputOf<'prepareDeactivate'>;
export type WithdrawInput = InputOf<'prepareWithdraw'>;
export type SplitInput = InputOf<'prepareSplit'>;
export type MergeInput = InputOf<'prepareMerge'>;
export type AuthorizeInput = InputOf<'prepareAuthorize'>;
export type RedelegateInput = InputOf<'prepareRedelegate'>;
export type StakeAcrossInput = InputOf<'prepareStakeAcrossValidators'>;
export type WithdrawManyInput = InputOf<'prepareWithdrawMany'>;

/** A prepare request, kept with each draft so an expired draft can be built again. */
export type FlowRequest =
  | { operation: 'createStake'; input: CreateStakeInput }
  | { operation: 'delegate'; input: DelegateInput }
  | { operation: 'deactivate'; input: DeactivateInput }
  | { operation: 'withdraw'; input: WithdrawInput }
  | { operation: 'split'; input: SplitInput }
  | { operation: 'merge'; input: MergeInput }
  | { operation: 'authorize'; input: AuthorizeInput }
  | { operation: 'redelegate'; input: RedelegateInput }
  | { operation: 'stakeAcrossValidators'; input: StakeAcrossInput }
  | { operation: 'withdrawMany'; input: WithdrawManyInput };

/** One transaction of a plan, built but not yet reviewed or simulated. */
export interface PlannedTransaction {
  built: BuiltTransaction;
  summary: string;
  newStakeAccounts: string[];
  /** Lamports that leave the signer besides the fee, such as a new account's deposit. */
  signerOutflowLamports: bigint;
  /** Lamports the signer receives, such as a withdrawal to itself; counted after the fee. */
  signerInflowLamports: bigint;
  /** The request that builds exactly this transaction again. */
  rebuildRequest: FlowRequest;
}

/** Result of a planner: the checks it ran and the transactions that carry out the request. */
export interface OperationPlan {
  operation: StakeOperation;
  summary: string;
  checks: FlowCheck[];
  transactions: PlannedTransaction[];
  followUp: FollowUp | null;
  /** Balances before the transactions of the accounts they touch; null for a new account. */
  balances: Map<string, bigint | null>;
  /** Labels of accounts the plan creates or reads, such as "New stake account". */
  labels: Map<string, string>;
  /** Facts about the validators the plan delegates to, for the review's warnings. */
  validatorLookup?: (voteAccount: string) => ValidatorFacts | undefined;
}
