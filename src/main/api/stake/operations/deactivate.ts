import {
  assertCanDeactivate,
  assertSignerIsAuthority,
  buildDeactivate,
  formatSol,
  type StakeAccountSnapshot,
} from '../../../stake';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { DeactivateInput, OperationPlan } from '../operation-plan';
import { readAccounts } from '../stake-snapshots';
import { stakerCheck, stateCheck } from './delegate';
import { OWN_STAKE_ACCOUNT, shortAddress } from './text';

/** Unstakes a delegated stake account. */
export async function planDeactivate(
  input: DeactivateInput,
  environment: FlowEnvironment,
): Promise<OperationPlan> {
  const reading = await readAccounts(environment.chain, [input.stakeAccount], environment.signal);
  const snapshot = reading.stakeAccount(input.stakeAccount);
  assertSignerIsAuthority(snapshot, 'staker', environment.signer.publicKey);
  assertCanDeactivate(snapshot);
  const built = buildDeactivate(
    { stakeAccount: toPublicKey(input.stakeAccount) },
    buildContextOf(environment),
  );

  const summary = `Unstake ${shortAddress(input.stakeAccount)}`;
  return {
    operation: 'deactivate',
    summary,
    checks: [
      stakerCheck(snapshot),
      stateCheck(snapshot, 'can be unstaked'),
      { check: 'accountState', outcome: 'passed', text: unstakeOutcome(snapshot) },
    ],
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: 0n,
        rebuildRequest: {
          operation: 'deactivate',
          input,
        },
      },
    ],
    followUp: null,
    balances: new Map([[input.stakeAccount, snapshot.lamports]]),
    labels: new Map([[input.stakeAccount, OWN_STAKE_ACCOUNT]]),
  };
}

/**
 * Explains when the SOL becomes withdrawable. The stake program counts stake that has not
 * started to take effect as inactive as soon as it is deactivated, while effective stake
 * cools down over the next epoch boundary or longer.
 */
export function unstakeOutcome(snapshot: StakeAccountSnapshot): string {
  const { effective, activating } = snapshot.activation;
  if (effective === 0n && activating > 0n) {
    return `The stake is still activating, so it becomes inactive at once: the ${formatSol(activating)} can be withdrawn as soon as this transaction lands.`;
  }
  if (activating > 0n) {
    return `The ${formatSol(effective)} already effective cools down first, usually until the next epoch boundary, and the ${formatSol(activating)} still activating becomes inactive at once.`;
  }
  return 'The stake stops earning at the end of this epoch and can be withdrawn once the cooldown ends, usually at the next epoch boundary.';
}
