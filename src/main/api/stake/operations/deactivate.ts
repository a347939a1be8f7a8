import { assertCanDeactivate, assertSignerIsAuthority, buildDeactivate } from '../../../stake';
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
      {
        check: 'accountState',
        outcome: 'passed',
        text: 'The stake stops earning at the end of this epoch and can be withdrawn once the cooldown ends.',
      },
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
