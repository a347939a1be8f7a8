import type { FlowCheck } from '../../../../shared/contract/stake';
import { WalletError } from '../../../../shared/errors';
import {
  assertStakeAmount,
  buildCreateAndDelegate,
  buildStakeAcrossValidators,
  formatSol,
  maxStakeableLamports,
  type StakeBudget,
} from '../../../stake';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { CreateStakeInput, OperationPlan, StakeAcrossInput } from '../operation-plan';
import { chooseFreeSeed, findFreeSeeds } from '../seed-availability';
import { computeStakeBudget, lamportsOfAmount } from '../stake-budget';
import { readAccounts } from '../stake-snapshots';
import { ValidatorDirectory } from '../validator-directory';
import { NEW_STAKE_ACCOUNT, shortAddress } from './text';

/**
 * Plans a new stake account funded by the Ledger account and delegated in the same
 * transaction. The amount must fit the same maximum the Max button shows and reach the
 * cluster's minimum delegation, and the seed is one whose address is free on chain.
 */
export async function planCreateStake(
  input: CreateStakeInput,
  environment: FlowEnvironment,
  reserved: ReadonlySet<string>,
): Promise<OperationPlan> {
  const lamports = lamportsOfAmount(input.amount);
  const { budget } = await computeStakeBudget(environment.rpc, budgetInputOf(environment, 1));
  assertStakeAmount(lamports, budget, environment.minimumDelegation);

  const [directory, reading] = await Promise.all([
    ValidatorDirectory.read(environment.rpc, environment.signal),
    readAccounts(environment.chain, [input.voteAccount], environment.signal),
  ]);
  const voteCheck = directory.checkVoteAccount(input.voteAccount, reading);

  const seeds = await findFreeSeeds(environment.chain, environment.signerKey, 1, {
    reserved,
    signal: environment.signal,
  });
  const { seed } = chooseFreeSeed(environment.signerKey, seeds);
  const built = buildCreateAndDelegate(
    {
      seed,
      voteAccount: toPublicKey(input.voteAccount),
      stakeLamports: lamports,
      rentExemptReserveLamports: environment.stakeRentReserve,
    },
    buildContextOf(environment),
  );
  const stakeAccount = built.stakeAccount.toBase58();

  const summary = `Stake ${formatSol(lamports)} with ${shortAddress(input.voteAccount)}`;
  return {
    operation: 'createStake',
    summary,
    checks: [
      ...budgetChecks(lamports, budget, environment.minimumDelegation),
      voteCheck,
      {
        check: 'seed',
        outcome: 'passed',
        text: `The new stake account ${stakeAccount} (seed "${seed}") does not exist yet.`,
      },
    ],
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [stakeAccount],
        signerOutflowLamports: lamports + environment.stakeRentReserve,
        signerInflowLamports: 0n,
        rebuildRequest: { operation: 'createStake', input },
      },
    ],
    followUp: null,
    balances: new Map([[stakeAccount, null]]),
    labels: new Map([[stakeAccount, NEW_STAKE_ACCOUNT]]),
    validatorLookup: directory.lookup,
  };
}

/**
 * Plans one new stake account per validator, packed into as few transactions as the device
 * shows in clear (one each, since the app recognises one pattern per transaction). The
 * total must fit the maximum for that many accounts, and each share must reach the minimum
 * delegation.
 */
export async function planStakeAcrossValidators(
  input: StakeAcrossInput,
  environment: FlowEnvironment,
  reserved: ReadonlySet<string>,
): Promise<OperationPlan> {
  const allocations = input.allocations.map((allocation) => ({
    voteAccount: allocation.voteAccount,
    lamports: lamportsOfAmount(allocation.amount),
  }));
  assertDistinctValidators(allocations.map((allocation) => allocation.voteAccount));

  const count = allocations.length;
  const { budget } = await computeStakeBudget(environment.rpc, budgetInputOf(environment, count));
  const total = allocations.reduce((sum, allocation) => sum + allocation.lamports, 0n);
  assertStakeAmount(total, budget, 0n);
  // Each share is at most the total, which fits the maximum, so only the minimum can fail.
  for (const allocation of allocations) {
    assertStakeAmount(allocation.lamports, budget, environment.minimumDelegation);
  }

  const [directory, reading] = await Promise.all([
    ValidatorDirectory.read(environment.rpc, environment.signal),
    readAccounts(
      environment.chain,
      allocations.map((allocation) => allocation.voteAccount),
      environment.signal,
    ),
  ]);
  const voteChecks = allocations.map((allocation) =>
    directory.checkVoteAccount(allocation.voteAccount, reading),
  );

  const seeds = await findFreeSeeds(environment.chain, environment.signerKey, count, {
    reserved,
    signal: environment.signal,
  });
  const result = buildStakeAcrossValidators(
    {
      allocations: allocations.map((allocation) => ({
        voteAccount: toPublicKey(allocation.voteAccount),
        stakeLamports: allocation.lamports,
      })),
      rentExemptReserveLamports: environment.stakeRentReserve,
      seedSearch: seeds.search,
    },
    buildContextOf(environment),
  );

  const newAccounts = result.stakeAccounts.map((entry) => entry.stakeAccount.toBase58());
  const transactions = result.batches.map((batch) => {
    const chosen = batch.groupIndexes.map((index) => allocations[index]);
    const deposit = chosen.reduce(
      (sum, allocation) => sum + (allocation?.lamports ?? 0n) + environment.stakeRentReserve,
      0n,
    );
    return {
      built: batch.built,
      summary: chosen
        .map(
          (allocation) =>
            `Stake ${formatSol(allocation?.lamports ?? 0n)} with ${shortAddress(allocation?.voteAccount ?? '')}`,
        )
        .join('; '),
      newStakeAccounts: batch.groupIndexes.map((index) => newAccounts[index] ?? ''),
      signerOutflowLamports: deposit,
      signerInflowLamports: 0n,
      rebuildRequest: {
        operation: 'stakeAcrossValidators' as const,
        input: {
          account: input.account,
          allocations: batch.groupIndexes.flatMap((index) => {
            const original = input.allocations[index];
            return original === undefined ? [] : [original];
          }),
        },
      },
    };
  });

  return {
    operation: 'stakeAcrossValidators',
    summary: `Stake ${formatSol(total)} across ${count} validators`,
    checks: [...budgetChecks(total, budget, environment.minimumDelegation), ...voteChecks],
    transactions,
    followUp: null,
    balances: new Map(newAccounts.map((address) => [address, null])),
    labels: new Map(newAccounts.map((address) => [address, NEW_STAKE_ACCOUNT])),
    validatorLookup: directory.lookup,
  };
}

function budgetInputOf(environment: FlowEnvironment, validatorCount: number) {
  return {
    signer: environment.signerKey,
    parameters: environment,
    device: environment.device,
    validatorCount,
  };
}

function budgetChecks(lamports: bigint, budget: StakeBudget, minimum: bigint): FlowCheck[] {
  const max = maxStakeableLamports(budget);
  return [
    {
      check: 'amount',
      outcome: 'passed',
      text: `${formatSol(lamports)} is within the ${formatSol(max)} you can stake now.`,
    },
    {
      check: 'balance',
      outcome: 'passed',
      text: `${formatSol(budget.keptReserveLamports)} stays in the account to pay for unstaking and withdrawing later.`,
    },
    {
      check: 'minimumDelegation',
      outcome: 'passed',
      text: `The cluster's minimum delegation is ${formatSol(minimum)}.`,
    },
  ];
}

function assertDistinctValidators(voteAccounts: readonly string[]): void {
  const seen = new Set<string>();
  for (const voteAccount of voteAccounts) {
    if (seen.has(voteAccount)) {
      throw new WalletError(
        'STAKE_ALLOCATIONS_INVALID',
        { reason: 'duplicateValidator', address: voteAccount },
        `Validator ${voteAccount} appears twice; list each validator once.`,
      );
    }
    seen.add(voteAccount);
  }
}
