import type { FlowCheck } from '../../../../shared/contract/stake';
import { WalletError } from '../../../../shared/errors';
import {
  assertSignerIsAuthority,
  assertWithdrawAmount,
  assertWithdrawRecipient,
  buildWithdraw,
  buildWithdrawBatches,
  formatSol,
  isLockupInForce,
  stakeAccountStatus,
  withdrawLimits,
  type StakeAccountSnapshot,
} from '../../../stake';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { OperationPlan, WithdrawInput, WithdrawManyInput } from '../operation-plan';
import { lamportsOfAmount } from '../stake-budget';
import { readAccounts, type AccountReading } from '../stake-snapshots';
import { assertTypedAddress } from './address-check';
import { OWN_STAKE_ACCOUNT, shortAddress } from './text';

/**
 * Plans a withdrawal, part or all of what the account can release now: everything once no
 * stake is left, otherwise only the lamports above the stake and the rent reserve.
 */
export async function planWithdraw(
  input: WithdrawInput,
  environment: FlowEnvironment,
): Promise<OperationPlan> {
  const recipient = input.recipient ?? environment.signer.publicKey;
  assertTypedAddress('prepareWithdraw', 'recipient', recipient);
  const reading = await readAccounts(
    environment.chain,
    [input.stakeAccount, recipient],
    environment.signal,
  );
  const snapshot = reading.stakeAccount(input.stakeAccount);
  assertSignerIsAuthority(snapshot, 'withdrawer', environment.signer.publicKey);

  const limits = withdrawLimits(snapshot, reading.time);
  const lamports =
    input.amount.unit === 'all' ? limits.withdrawableLamports : lamportsOfAmount(input.amount);
  if (lamports === 0n) {
    throw nothingToWithdraw([input.stakeAccount]);
  }
  const { closesAccount } = assertWithdrawAmount({
    snapshot,
    requestedLamports: lamports,
    time: reading.time,
  });
  assertRecipient(recipient, input.stakeAccount, reading);

  const built = buildWithdraw(
    { stakeAccount: toPublicKey(input.stakeAccount), recipient: toPublicKey(recipient), lamports },
    buildContextOf(environment),
  );
  const summary = closesAccount
    ? `Withdraw all ${formatSol(lamports)} from ${shortAddress(input.stakeAccount)} and close the stake account`
    : `Withdraw ${formatSol(lamports)} from ${shortAddress(input.stakeAccount)}`;

  return {
    operation: 'withdraw',
    summary,
    checks: [
      withdrawerCheck(snapshot),
      {
        check: 'withdrawable',
        outcome: 'passed',
        text: closesAccount
          ? `The account is ${stakeAccountStatus(snapshot)}; withdrawing all ${formatSol(lamports)} closes it.`
          : `The account is ${stakeAccountStatus(snapshot)} and can release up to ${formatSol(limits.withdrawableLamports)} now.`,
      },
      recipientCheck(recipient, environment),
    ],
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: recipient === environment.signer.publicKey ? lamports : 0n,
        rebuildRequest: { operation: 'withdraw', input },
      },
    ],
    followUp: null,
    balances: new Map([
      [input.stakeAccount, snapshot.lamports],
      [recipient, reading.accounts.get(recipient)?.lamports ?? null],
    ]),
    labels: new Map([[input.stakeAccount, OWN_STAKE_ACCOUNT]]),
  };
}

/**
 * Plans withdrawing everything each listed account can release now, in as few transactions
 * as fit 1232 bytes and the device's clear-signing limit. Accounts with nothing to release
 * (still staked, or locked up) are left out and named in a warning.
 */
export async function planWithdrawMany(
  input: WithdrawManyInput,
  environment: FlowEnvironment,
): Promise<OperationPlan> {
  assertDistinctAccounts(input.stakeAccounts);
  const recipient = input.recipient ?? environment.signer.publicKey;
  assertTypedAddress('prepareWithdrawMany', 'recipient', recipient);
  const reading = await readAccounts(
    environment.chain,
    [...input.stakeAccounts, recipient],
    environment.signal,
  );
  for (const stakeAccount of input.stakeAccounts) {
    assertRecipient(recipient, stakeAccount, reading);
  }

  const withdrawals: Array<{ snapshot: StakeAccountSnapshot; lamports: bigint }> = [];
  const skipped: string[] = [];
  for (const stakeAccount of input.stakeAccounts) {
    const snapshot = reading.stakeAccount(stakeAccount);
    assertSignerIsAuthority(snapshot, 'withdrawer', environment.signer.publicKey);
    const lamports = isLockupInForce(snapshot.state.meta.lockup, reading.time)
      ? 0n
      : withdrawLimits(snapshot, reading.time).withdrawableLamports;
    if (lamports === 0n) {
      skipped.push(stakeAccount);
    } else {
      withdrawals.push({ snapshot, lamports });
    }
  }
  if (withdrawals.length === 0) {
    throw nothingToWithdraw(input.stakeAccounts);
  }

  const batches = buildWithdrawBatches(
    withdrawals.map((withdrawal) => ({
      stakeAccount: toPublicKey(withdrawal.snapshot.address),
      lamports: withdrawal.lamports,
    })),
    toPublicKey(recipient),
    buildContextOf(environment),
  );
  const total = withdrawals.reduce((sum, withdrawal) => sum + withdrawal.lamports, 0n);

  const checks: FlowCheck[] = [
    {
      check: 'withdrawable',
      outcome: 'passed',
      text: `${withdrawals.length} accounts release ${formatSol(total)} in ${batches.length} transactions.`,
    },
    recipientCheck(recipient, environment),
  ];
  if (skipped.length > 0) {
    checks.push({
      check: 'withdrawable',
      outcome: 'warning',
      text: `Nothing can be withdrawn now from ${skipped.join(', ')}; they are left out.`,
    });
  }

  return {
    operation: 'withdrawMany',
    summary: `Withdraw ${formatSol(total)} from ${withdrawals.length} stake accounts`,
    checks,
    transactions: batches.map((batch) => {
      const chosen = batch.groupIndexes.flatMap((index) => {
        const withdrawal = withdrawals[index];
        return withdrawal === undefined ? [] : [withdrawal];
      });
      const lamports = chosen.reduce((sum, withdrawal) => sum + withdrawal.lamports, 0n);
      return {
        built: batch.built,
        summary: `Withdraw ${formatSol(lamports)} from ${chosen.length} stake accounts`,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: recipient === environment.signer.publicKey ? lamports : 0n,
        rebuildRequest: {
          operation: 'withdrawMany' as const,
          input: {
            account: input.account,
            stakeAccounts: chosen.map((withdrawal) => withdrawal.snapshot.address),
            ...(input.recipient === undefined ? {} : { recipient: input.recipient }),
          },
        },
      };
    }),
    followUp: null,
    balances: new Map<string, bigint | null>([
      ...withdrawals.map((withdrawal): [string, bigint] => [
        withdrawal.snapshot.address,
        withdrawal.snapshot.lamports,
      ]),
      [recipient, reading.accounts.get(recipient)?.lamports ?? null],
    ]),
    labels: new Map(
      withdrawals.map((withdrawal) => [withdrawal.snapshot.address, OWN_STAKE_ACCOUNT]),
    ),
  };
}

function assertRecipient(recipient: string, stakeAccount: string, reading: AccountReading): void {
  assertWithdrawRecipient({
    recipient,
    stakeAccount,
    recipientOwner: reading.ownerOf(recipient),
  });
}

function withdrawerCheck(snapshot: StakeAccountSnapshot): FlowCheck {
  return {
    check: 'authority',
    outcome: 'passed',
    text: `This Ledger account is the withdraw authority of ${snapshot.address}, and no lockup is in force.`,
  };
}

function recipientCheck(recipient: string, environment: FlowEnvironment): FlowCheck {
  if (recipient === environment.signer.publicKey) {
    return {
      check: 'recipient',
      outcome: 'passed',
      text: 'The SOL goes back to the signing Ledger account.',
    };
  }
  return {
    check: 'recipient',
    outcome: 'warning',
    text: `The SOL goes to ${recipient}, which is not the signing Ledger account. Check the address.`,
  };
}

function nothingToWithdraw(stakeAccounts: string[]): WalletError {
  return new WalletError(
    'NOTHING_TO_WITHDRAW',
    { stakeAccounts },
    `Nothing can be withdrawn now from ${stakeAccounts.join(', ')}.`,
  );
}

function assertDistinctAccounts(stakeAccounts: readonly string[]): void {
  const seen = new Set<string>();
  for (const stakeAccount of stakeAccounts) {
    if (seen.has(stakeAccount)) {
      throw new WalletError(
        'STAKE_ALLOCATIONS_INVALID',
        { reason: 'duplicateStakeAccount', address: stakeAccount },
        `Stake account ${stakeAccount} appears twice; list each account once.`,
      );
    }
    seen.add(stakeAccount);
  }
}
