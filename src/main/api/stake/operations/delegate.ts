import type { FlowCheck } from '../../../../shared/contract/stake';
import { WalletError } from '../../../../shared/errors';
import {
  assertCanDelegate,
  assertSignerIsAuthority,
  buildDelegate,
  EPOCH_UNSET,
  planRedelegation,
  stakeAccountStatus,
  type StakeAccountSnapshot,
} from '../../../stake';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { DelegateInput, OperationPlan, RedelegateInput } from '../operation-plan';
import { readAccounts, type AccountReading } from '../stake-snapshots';
import { ValidatorDirectory } from '../validator-directory';
import { OWN_STAKE_ACCOUNT, shortAddress } from './text';

/** Plans delegating an initialized or inactive stake account to a validator. */
export async function planDelegate(
  input: DelegateInput,
  environment: FlowEnvironment,
): Promise<OperationPlan> {
  const { snapshot, reading, directory, voteCheck } = await readDelegation(input, environment);
  assertCanDelegate(snapshot, input.voteAccount, reading.time);

  return delegatePlan('delegate', input, environment, snapshot, directory, [
    stakerCheck(snapshot),
    stateCheck(snapshot, 'can be delegated'),
    voteCheck,
  ]);
}

/**
 * Plans moving stake to another validator. Stake with nothing effective is delegated to the
 * new validator at once. Effective stake must cool down first, because the stake program
 * rejects a delegation to another validator until then: this transaction unstakes it, and
 * the plan's follow-up names the delegation to make after the cooldown.
 */
export async function planRedelegate(
  input: RedelegateInput,
  environment: FlowEnvironment,
): Promise<OperationPlan> {
  const { snapshot, reading, directory, voteCheck } = await readDelegation(input, environment);
  const { state } = snapshot;
  const time = reading.time;

  if (state.kind === 'delegated' && state.stake.delegation.voter === input.voteAccount) {
    throw new WalletError(
      'REDELEGATE_SAME_VALIDATOR',
      { stakeAccount: input.stakeAccount, voteAccount: input.voteAccount },
      `${input.stakeAccount} is already delegated to ${input.voteAccount}.`,
    );
  }
  if (state.kind === 'initialized' || snapshot.activation.effective === 0n) {
    assertCanDelegate(snapshot, input.voteAccount, time);
    return delegatePlan('redelegate', input, environment, snapshot, directory, [
      stakerCheck(snapshot),
      stateCheck(snapshot, 'has no effective stake, so it moves to the new validator at once'),
      voteCheck,
    ]);
  }
  if (state.stake.delegation.deactivationEpoch !== EPOCH_UNSET) {
    const earliestEpoch = Number(time.epoch + 1n);
    throw new WalletError(
      'REDELEGATE_WAIT_FOR_COOLDOWN',
      { stakeAccount: input.stakeAccount, earliestEpoch },
      `${input.stakeAccount} is already being unstaked; delegate it to the new validator once its cooldown ends, epoch ${earliestEpoch} at the earliest.`,
    );
  }

  const plan = planRedelegation(
    {
      stakeAccount: toPublicKey(input.stakeAccount),
      newVoteAccount: toPublicKey(input.voteAccount),
      currentEpoch: time.epoch,
    },
    buildContextOf(environment),
  );
  const earliestEpoch = Number(plan.delegateLater.earliestEpoch);
  const summary = `Unstake ${shortAddress(input.stakeAccount)} to move it to ${shortAddress(input.voteAccount)}`;

  return {
    operation: 'redelegate',
    summary,
    checks: [
      stakerCheck(snapshot),
      stateCheck(snapshot, 'must cool down before it can move'),
      voteCheck,
      {
        check: 'accountState',
        outcome: 'warning',
        text: `Step 1 of 2: this unstakes the account, which earns nothing during the cooldown. Delegate it to ${input.voteAccount} from epoch ${earliestEpoch} on.`,
      },
    ],
    transactions: [
      {
        built: plan.deactivate,
        summary,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: 0n,
        rebuildRequest: { operation: 'redelegate', input },
      },
    ],
    followUp: {
      kind: 'delegateAfterCooldown',
      stakeAccount: input.stakeAccount,
      voteAccount: input.voteAccount,
      earliestEpoch,
    },
    balances: new Map([[input.stakeAccount, snapshot.lamports]]),
    labels: new Map([[input.stakeAccount, OWN_STAKE_ACCOUNT]]),
    validatorLookup: directory.lookup,
  };
}

async function readDelegation(
  input: { stakeAccount: string; voteAccount: string },
  environment: FlowEnvironment,
): Promise<{
  snapshot: StakeAccountSnapshot;
  reading: AccountReading;
  directory: ValidatorDirectory;
  voteCheck: FlowCheck;
}> {
  const [reading, directory] = await Promise.all([
    readAccounts(environment.chain, [input.stakeAccount, input.voteAccount], environment.signal),
    ValidatorDirectory.read(environment.rpc, environment.signal),
  ]);
  const snapshot = reading.stakeAccount(input.stakeAccount);
  assertSignerIsAuthority(snapshot, 'staker', environment.signer.publicKey);
  const voteCheck = directory.checkVoteAccount(input.voteAccount, reading);
  return { snapshot, reading, directory, voteCheck };
}

function delegatePlan(
  operation: 'delegate' | 'redelegate',
  input: DelegateInput | RedelegateInput,
  environment: FlowEnvironment,
  snapshot: StakeAccountSnapshot,
  directory: ValidatorDirectory,
  checks: FlowCheck[],
): OperationPlan {
  const built = buildDelegate(
    {
      stakeAccount: toPublicKey(input.stakeAccount),
      voteAccount: toPublicKey(input.voteAccount),
    },
    buildContextOf(environment),
  );
  const summary = `Delegate ${shortAddress(input.stakeAccount)} to ${shortAddress(input.voteAccount)}`;
  return {
    operation,
    summary,
    checks,
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: 0n,
        rebuildRequest:
          operation === 'delegate'
            ? { operation: 'delegate', input }
            : { operation: 'redelegate', input },
      },
    ],
    followUp: null,
    balances: new Map([[input.stakeAccount, snapshot.lamports]]),
    labels: new Map([[input.stakeAccount, OWN_STAKE_ACCOUNT]]),
    validatorLookup: directory.lookup,
  };
}

export function stakerCheck(snapshot: StakeAccountSnapshot): FlowCheck {
  return {
    check: 'authority',
    outcome: 'passed',
    text: `This Ledger account is the stake authority of ${snapshot.address}.`,
  };
}

export function stateCheck(snapshot: StakeAccountSnapshot, outcome: string): FlowCheck {
  return {
    check: 'accountState',
    outcome: 'passed',
    text: `The account is ${stakeAccountStatus(snapshot)} and ${outcome}.`,
  };
}
