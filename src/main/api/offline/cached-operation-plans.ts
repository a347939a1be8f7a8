import { PublicKey } from '@solana/web3.js';

import type { CachedFigure, NonceOperation } from '../../../shared/contract/offline';
import type { IntentSummary, StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import {
  assertCanDeactivate,
  assertCanDelegate,
  assertLockupNotInForce,
  assertMergeable,
  assertSignerIsAuthority,
  assertWithdrawAmount,
  assertWithdrawRecipient,
  buildAuthorize,
  buildDeactivate,
  buildDelegate,
  buildMerge,
  buildSplit,
  buildWithdraw,
  chooseStakeSeed,
  formatSol,
  planSplit,
  stakeAccountStatus,
  withdrawLimits,
  type AuthorityChange,
  type BuildContext,
  type StakeAccountSnapshot,
} from '../../stake';
import { lamportsOfAmount } from '../stake/stake-budget';
import type { CachedStakeData } from './cached-stake-data';

/** A nonce transaction built from saved values, before the fee check and the nonce figure. */
export interface CachedPlan {
  message: Uint8Array;
  intent: IntentSummary;
  checks: string[];
  figures: CachedFigure[];
  /** Lamports the signer pays besides the fee, such as the rent of a split's new account. */
  signerOutflowLamports: bigint;
}

export interface CachedPlanContext {
  data: CachedStakeData;
  signer: StoredAccount;
  ownAccounts: readonly StoredAccount[];
  /** Accounts of queued transactions; a split's new account must not be one of them. */
  queuedAddresses: ReadonlySet<string>;
  build: BuildContext;
}

/**
 * Plans a stake operation from the saved portfolio, validator list and stake figures, with
 * the same checks and builders as the online flow. Nothing is simulated.
 */
export async function planFromCache(
  operation: NonceOperation,
  context: CachedPlanContext,
): Promise<CachedPlan> {
  switch (operation.operation) {
    case 'deactivate':
      return planDeactivateFromCache(operation.input.stakeAccount, context);
    case 'withdraw':
      return planWithdrawFromCache(operation.input, context);
    case 'split':
      return planSplitFromCache(operation.input, context);
    case 'merge':
      return planMergeFromCache(operation.input, context);
    case 'delegate':
      return planDelegateFromCache(operation.input, context);
    case 'authorize':
      return planAuthorizeFromCache(operation.input, context);
  }
}

function planDeactivateFromCache(stakeAccount: string, context: CachedPlanContext): CachedPlan {
  const { view, snapshot } = context.data.stakeAccount(stakeAccount);
  assertSignerIsAuthority(snapshot, 'staker', context.signer.publicKey);
  assertCanDeactivate(snapshot);
  const built = buildDeactivate({ stakeAccount: new PublicKey(stakeAccount) }, context.build);
  return {
    message: built.message.serialize(),
    intent: { kind: 'deactivate', summary: `Unstake ${stakeAccount} (durable nonce)` },
    checks: [
      `This Ledger account was the staker of ${stakeAccount} at the last read.`,
      `The stake account was ${view.state} and not deactivating at the last read.`,
    ],
    figures: [context.data.stakeAccountFigure(view)],
    signerOutflowLamports: 0n,
  };
}

function planWithdrawFromCache(
  input: Extract<NonceOperation, { operation: 'withdraw' }>['input'],
  context: CachedPlanContext,
): CachedPlan {
  const { view, snapshot } = context.data.stakeAccount(input.stakeAccount);
  const signer = context.signer.publicKey;
  assertSignerIsAuthority(snapshot, 'withdrawer', signer);
  // Offline only an account with no stake left is withdrawn from: the saved activation of an
  // account still staked does not show what it can release when the transaction lands.
  const status = stakeAccountStatus(snapshot);
  if (status !== 'initialized' && status !== 'inactive') {
    throw new WalletError(
      'STAKE_ACCOUNT_STATE_INVALID',
      { stakeAccount: view.address, operation: 'withdraw', accountState: view.state },
      `Stake account ${view.address} was ${view.state} at the last read. Offline, withdraw only from an inactive or initialized account; unstake it and wait for the cooldown first.`,
    );
  }

  const time = context.data.time;
  const limits = withdrawLimits(snapshot, time);
  const lamports =
    input.amount.unit === 'all' ? limits.withdrawableLamports : lamportsOfAmount(input.amount);
  const { closesAccount } = assertWithdrawAmount({ snapshot, requestedLamports: lamports, time });

  const recipient = input.recipient ?? signer;
  assertWithdrawRecipient({
    recipient,
    stakeAccount: input.stakeAccount,
    knownStakeAccounts: context.data.portfolio.stakeAccounts.map((entry) => entry.address),
  });

  const built = buildWithdraw(
    {
      stakeAccount: new PublicKey(input.stakeAccount),
      recipient: new PublicKey(recipient),
      lamports,
    },
    context.build,
  );
  return {
    message: built.message.serialize(),
    intent: {
      kind: 'withdraw',
      summary: `Withdraw ${formatSol(lamports)} from ${input.stakeAccount} (durable nonce)`,
    },
    checks: [
      `This Ledger account was the withdraw authority of ${input.stakeAccount} at the last read, with no lockup in force.`,
      closesAccount
        ? `The account was ${status} at the last read; withdrawing all ${formatSol(lamports)} closes it.`
        : `The account was ${status} at the last read and could release up to ${formatSol(limits.withdrawableLamports)}.`,
      recipient === signer
        ? 'The SOL goes back to the signing Ledger account.'
        : `The SOL goes to ${recipient}, which is not the signing Ledger account. Check the address.`,
    ],
    figures: [context.data.stakeAccountFigure(view)],
    signerOutflowLamports: 0n,
  };
}

async function planSplitFromCache(
  input: Extract<NonceOperation, { operation: 'split' }>['input'],
  context: CachedPlanContext,
): Promise<CachedPlan> {
  const { view, snapshot } = context.data.stakeAccount(input.stakeAccount);
  assertSignerIsAuthority(snapshot, 'staker', context.signer.publicKey);
  const parameters = await context.data.stakeParameters();
  const lamports = lamportsOfAmount(input.amount);

  // The new account's address cannot be looked up offline, so the seed is random: 26 hex
  // digits make a collision with an existing account practically impossible.
  const { seed, address } = chooseStakeSeed({
    base: context.build.signer,
    scheme: 'random',
    takenAddresses: [
      ...context.data.portfolio.stakeAccounts.map((entry) => entry.address),
      ...context.queuedAddresses,
    ],
  });
  const plan = planSplit({
    source: snapshot,
    splitLamports: lamports,
    destinationLamports: 0n,
    destinationRentExemptReserveLamports: parameters.stakeRentReserve,
    minimumDelegationLamports: parameters.minimumDelegation,
  });
  const built = buildSplit(
    {
      stakeAccount: new PublicKey(input.stakeAccount),
      seed,
      lamports,
      prefundLamports: plan.prefundLamports,
    },
    context.build,
  );

  const checks = [
    `This Ledger account was the staker of ${input.stakeAccount} at the last read.`,
    `The account was ${stakeAccountStatus(snapshot)} with ${formatSol(snapshot.lamports)} at the last read.`,
  ];
  if (snapshot.state.kind === 'delegated') {
    checks.push(
      `Both parts keep at least the saved minimum delegation of ${formatSol(parameters.minimumDelegation)}: ${formatSol(plan.sourceStakeAfterLamports)} stays and ${formatSol(plan.destinationStakeLamports)} moves.`,
    );
  }
  if (plan.prefundLamports > 0n) {
    checks.push(
      `The new account ${address.toBase58()} is first funded with the saved rent reserve of ${formatSol(plan.prefundLamports)} from this Ledger account.`,
    );
  }
  return {
    message: built.message.serialize(),
    intent: {
      kind: 'split',
      summary: `Split ${formatSol(lamports)} from ${input.stakeAccount} into ${address.toBase58()} (durable nonce)`,
    },
    checks,
    figures: [
      context.data.stakeAccountFigure(view),
      {
        label: 'Stake rent reserve and minimum delegation',
        value: `${formatSol(parameters.stakeRentReserve)} and ${formatSol(parameters.minimumDelegation)}`,
        slot: parameters.slot,
        readAt: parameters.readAt,
      },
    ],
    signerOutflowLamports: plan.prefundLamports,
  };
}

function planMergeFromCache(
  input: Extract<NonceOperation, { operation: 'merge' }>['input'],
  context: CachedPlanContext,
): CachedPlan {
  const destination = context.data.stakeAccount(input.destination);
  const source = context.data.stakeAccount(input.source);
  assertMergeable(
    destination.snapshot,
    source.snapshot,
    context.data.time,
    context.signer.publicKey,
  );
  const built = buildMerge(
    { destination: new PublicKey(input.destination), source: new PublicKey(input.source) },
    context.build,
  );
  return {
    message: built.message.serialize(),
    intent: {
      kind: 'merge',
      summary: `Merge ${input.source} into ${input.destination} (durable nonce)`,
    },
    checks: [
      `At the last read both accounts had this Ledger account as staker and could be merged: ${input.destination} was ${destination.view.state} and ${input.source} was ${source.view.state}.`,
      `The source ${input.source} closes and its ${formatSol(source.snapshot.lamports)} move to ${input.destination}.`,
    ],
    figures: [
      context.data.stakeAccountFigure(destination.view),
      context.data.stakeAccountFigure(source.view),
    ],
    signerOutflowLamports: 0n,
  };
}

async function planDelegateFromCache(
  input: Extract<NonceOperation, { operation: 'delegate' }>['input'],
  context: CachedPlanContext,
): Promise<CachedPlan> {
  const { view, snapshot } = context.data.stakeAccount(input.stakeAccount);
  assertSignerIsAuthority(snapshot, 'staker', context.signer.publicKey);
  assertCanDelegate(snapshot, input.voteAccount, context.data.time);

  const validators = await context.data.validators();
  const validator = validators.validators.find((entry) => entry.votePubkey === input.voteAccount);
  if (validator === undefined) {
    throw new WalletError(
      'OFFLINE_DATA_MISSING',
      {
        what: `validator ${input.voteAccount} in the saved validator list`,
        cluster: context.data.cluster,
      },
      `The ${context.data.cluster} cluster could not be reached and the saved validator list does not contain ${input.voteAccount}. Choose a validator from the list, or delegate once the cluster is reachable.`,
    );
  }

  const name = validator.name ?? input.voteAccount;
  const checks = [
    `This Ledger account was the staker of ${input.stakeAccount} at the last read.`,
    `The account was ${stakeAccountStatus(snapshot)} at the last read and can be delegated.`,
    `${name} was in the saved validator list with a commission of ${validator.commission}%.`,
  ];
  if (validator.delinquent) {
    checks.push(
      `Warning: ${name} was delinquent (not voting) at the last read, so the stake would earn no rewards while it stays so.`,
    );
  }
  if (
    validator.previousCommission !== null &&
    validator.commission > validator.previousCommission
  ) {
    checks.push(
      `Warning: ${name} raised its commission from ${validator.previousCommission}% to ${validator.commission}%.`,
    );
  }
  const built = buildDelegate(
    {
      stakeAccount: new PublicKey(input.stakeAccount),
      voteAccount: new PublicKey(input.voteAccount),
    },
    context.build,
  );
  return {
    message: built.message.serialize(),
    intent: {
      kind: 'delegate',
      summary: `Delegate ${input.stakeAccount} to ${name} (durable nonce)`,
    },
    checks,
    figures: [
      context.data.stakeAccountFigure(view),
      {
        label: `Validator ${input.voteAccount}`,
        value: `${name}, commission ${validator.commission}%${validator.delinquent ? ', delinquent' : ''}`,
        slot: validators.meta.slot,
        readAt: validators.meta.fetchedAt,
      },
    ],
    signerOutflowLamports: 0n,
  };
}

function planAuthorizeFromCache(
  input: Extract<NonceOperation, { operation: 'authorize' }>['input'],
  context: CachedPlanContext,
): CachedPlan {
  const { view, snapshot } = context.data.stakeAccount(input.stakeAccount);
  const signer = context.signer.publicKey;
  const checks: string[] = [];
  for (const change of input.changes) {
    assertNewAuthorityDiffers(change.newAuthority, change.authorityType, snapshot);
    if (change.authorityType === 'withdrawer') {
      assertSignerIsAuthority(snapshot, 'withdrawer', signer);
      // Changing the withdrawer during a lockup needs the custodian's signature.
      assertLockupNotInForce(snapshot, context.data.time);
      const own = context.ownAccounts.find((account) => account.publicKey === change.newAuthority);
      checks.push(
        `Warning: after this, only ${own === undefined ? `${change.newAuthority}, which is not one of your Ledger accounts,` : `your Ledger account ${change.newAuthority}`} can withdraw the ${formatSol(snapshot.lamports)} in this stake account or change its authorities.`,
      );
    } else if (snapshot.state.meta.authorized.withdrawer !== signer) {
      assertSignerIsAuthority(snapshot, 'staker', signer);
    }
  }
  const names = input.changes.map((change) => authorityName(change.authorityType)).join(' and ');
  checks.unshift(
    `At the last read this Ledger account could change ${names} of ${input.stakeAccount}.`,
  );

  const changes = input.changes.map((change): AuthorityChange => ({
    authorityType: change.authorityType,
    newAuthority: new PublicKey(change.newAuthority),
  }));
  const [first, second] = changes;
  if (first === undefined) {
    throw new WalletError('INTERNAL', { method: 'prepareNonceOperation' }, 'no authority change');
  }
  const built = buildAuthorize(
    {
      stakeAccount: new PublicKey(input.stakeAccount),
      changes: second === undefined ? [first] : [first, second],
    },
    context.build,
  );
  return {
    message: built.message.serialize(),
    intent: {
      kind: 'authorize',
      summary: `Change ${names} of ${input.stakeAccount} (durable nonce)`,
    },
    checks,
    figures: [context.data.stakeAccountFigure(view)],
    signerOutflowLamports: 0n,
  };
}

function assertNewAuthorityDiffers(
  newAuthority: string,
  authorityType: 'staker' | 'withdrawer',
  snapshot: StakeAccountSnapshot,
): void {
  if (newAuthority === snapshot.address) {
    throw new WalletError(
      'NEW_AUTHORITY_INVALID',
      { newAuthority, reason: 'sameAsStakeAccount' },
      `${newAuthority} cannot become ${authorityName(authorityType)}: it is the stake account itself, which can never sign.`,
    );
  }
  if (newAuthority === snapshot.state.meta.authorized[authorityType]) {
    throw new WalletError(
      'NEW_AUTHORITY_INVALID',
      { newAuthority, reason: 'unchanged' },
      `${newAuthority} cannot become ${authorityName(authorityType)}: it already was at the last read.`,
    );
  }
}

function authorityName(authorityType: 'staker' | 'withdrawer'): string {
  return authorityType === 'staker' ? 'the stake authority' : 'the withdraw authority';
}
