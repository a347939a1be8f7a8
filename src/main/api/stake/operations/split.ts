import { WalletError } from '../../../../shared/errors';
import {
  assertSignerIsAuthority,
  buildSplit,
  formatSol,
  partialSplitRange,
  planSplit,
  stakeAccountStatus,
  type StakeAccountSnapshot,
} from '../../../stake';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { OperationPlan, SplitInput } from '../operation-plan';
import { chooseFreeSeed, findFreeSeeds } from '../seed-availability';
import { lamportsOfAmount } from '../stake-budget';
import { readAccounts } from '../stake-snapshots';
import { stakerCheck } from './delegate';
import { NEW_STAKE_ACCOUNT, OWN_STAKE_ACCOUNT, shortAddress } from './text';

/**
 * Plans splitting part of a stake account into a new account derived from the Ledger key.
 * Both legs must keep the cluster's minimum delegation, read at run time. The new account is
 * prefunded with its rent reserve minus the lamports already at its address, in the
 * Transfer + AllocateWithSeed + Split order the Ledger shows in clear.
 */
export async function planSplitStake(
  input: SplitInput,
  environment: FlowEnvironment,
  reserved: ReadonlySet<string>,
): Promise<OperationPlan> {
  const lamports = lamportsOfAmount(input.amount);
  const reading = await readAccounts(environment.chain, [input.stakeAccount], environment.signal);
  const source = reading.stakeAccount(input.stakeAccount);
  assertSignerIsAuthority(source, 'staker', environment.signer.publicKey);
  assertSplitWithinBalance(source, lamports, environment.minimumDelegation);

  const seeds = await findFreeSeeds(environment.chain, environment.signerKey, 1, {
    reserved,
    allowFundedSystemAccount: true,
    signal: environment.signal,
  });
  const { seed, address } = chooseFreeSeed(environment.signerKey, seeds);
  const destination = address.toBase58();
  const held = seeds.lamportsAt(destination);

  const plan = planSplit({
    source,
    splitLamports: lamports,
    destinationLamports: held,
    destinationRentExemptReserveLamports: environment.stakeRentReserve,
    minimumDelegationLamports: environment.minimumDelegation,
  });
  const built = buildSplit(
    {
      stakeAccount: toPublicKey(input.stakeAccount),
      seed,
      lamports,
      prefundLamports: plan.prefundLamports,
    },
    buildContextOf(environment),
  );

  const summary = `Split ${formatSol(lamports)} from ${shortAddress(input.stakeAccount)} into a new stake account`;
  const legs =
    source.state.kind === 'delegated'
      ? `Afterwards ${formatSol(plan.sourceStakeAfterLamports)} stays staked in the source and ${formatSol(plan.destinationStakeLamports)} is staked in the new account; the minimum delegation is ${formatSol(environment.minimumDelegation)}.`
      : `The source is ${stakeAccountStatus(source)}, so no stake moves, only lamports.`;

  return {
    operation: 'split',
    summary,
    checks: [
      stakerCheck(source),
      { check: 'split', outcome: 'passed', text: legs },
      {
        check: 'seed',
        outcome: 'passed',
        text:
          plan.prefundLamports > 0n
            ? `The new account ${destination} (seed "${seed}") is first funded with its rent reserve of ${formatSol(plan.prefundLamports)} from this Ledger account.`
            : `The new account ${destination} (seed "${seed}") already holds its rent reserve.`,
      },
    ],
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [destination],
        signerOutflowLamports: plan.prefundLamports,
        signerInflowLamports: 0n,
        rebuildRequest: { operation: 'split', input },
      },
    ],
    followUp: null,
    balances: new Map([
      [input.stakeAccount, source.lamports],
      [destination, held > 0n ? held : null],
    ]),
    labels: new Map([
      [input.stakeAccount, OWN_STAKE_ACCOUNT],
      [destination, NEW_STAKE_ACCOUNT],
    ]),
  };
}

/**
 * Rejects an amount above the source's balance. The largest split that leaves it open keeps
 * the minimum delegation staked and the rent reserve in the source, so the error offers it
 * and the other valid choice: splitting every lamport, which closes the source.
 *
 * @throws WalletError SPLIT_AMOUNT_INVALID naming both choices.
 */
function assertSplitWithinBalance(
  source: StakeAccountSnapshot,
  requestedLamports: bigint,
  minimumDelegationLamports: bigint,
): void {
  // Smaller amounts that leave a part below the minimum get the stake program's own check,
  // which names the part.
  if (requestedLamports <= source.lamports) {
    return;
  }
  const range = partialSplitRange(source, minimumDelegationLamports);

  const maxSplitLamports = range?.maxLamports ?? 0n;
  const reserve = formatSol(source.state.meta.rentExemptReserve);
  const keeps =
    source.state.kind === 'delegated'
      ? `the minimum delegation of ${formatSol(minimumDelegationLamports)} staked and its rent reserve of ${reserve}`
      : `its rent reserve of ${reserve}`;
  const partial =
    range === null
      ? `${source.address} cannot split off part of its SOL and stay open, because it must keep ${keeps}.`
      : `${source.address} can split at most ${formatSol(range.maxLamports)} and stay open, because it must keep ${keeps}.`;
  // Splitting everything moves the stake minus the source's rent reserve, which must still
  // reach the minimum delegation.
  const wholeStake = source.lamports - source.state.meta.rentExemptReserve;
  const whole =
    source.state.kind === 'delegated' && wholeStake < minimumDelegationLamports
      ? 'Splitting all of it is not possible either, because the new account would hold less than the minimum delegation.'
      : `Or split all ${formatSol(source.lamports)}, which moves everything to the new account and closes this one.`;
  throw new WalletError(
    'SPLIT_AMOUNT_INVALID',
    {
      stakeAccount: source.address,
      requestedLamports: requestedLamports.toString(),
      maxSplitLamports: maxSplitLamports.toString(),
    },
    `${partial} ${whole} ${formatSol(requestedLamports)} does not fit.`,
  );
}
