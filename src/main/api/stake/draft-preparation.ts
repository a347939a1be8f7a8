import { randomUUID } from 'node:crypto';

import type { BatchPosition, FlowCheck } from '../../../shared/contract/stake';
import type { ReviewModel } from '../../../shared/domain/stake';
import type { StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import {
  assertFeePayerCanPay,
  buildReviewModel,
  describeSimulationError,
  formatSol,
} from '../../stake';
import { accountLabel } from '../ledger/account-views';
import { computeBalanceChanges } from './balance-changes';
import type { DraftRecord } from './draft-registry';
import type { FlowEnvironment } from './flow-environment';
import type { OperationPlan, PlannedTransaction } from './operation-plan';
import { distinguishSharedLabels, OWN_STAKE_ACCOUNT } from './operations/text';

export interface PreparationOptions {
  ownAccounts: readonly StoredAccount[];
  /** Set when rebuilding: the intent the new draft carries on. */
  intentId?: string;
  /** Set when rebuilding: the expired draft the new one replaces. */
  replaces?: string;
  /** Set when rebuilding one transaction of a batch: its place in that batch. */
  batch?: BatchPosition | null;
}

/**
 * Turns a plan into drafts ready to sign. For each transaction, in order: the review model from
 * the compiled message bytes, the cluster's exact fee, a fee payer check against the balance
 * left by the transactions before it, and a simulation with signature checks off. A
 * transaction that would fail stops the whole plan here, before any device request.
 *
 * @throws WalletError FEE_PAYER_BALANCE_TOO_LOW or STAKE_SIMULATION_FAILED.
 */
export async function prepareDrafts(
  plan: OperationPlan,
  environment: FlowEnvironment,
  options: PreparationOptions,
): Promise<DraftRecord[]> {
  const labels = labelsFor(plan, environment, options.ownAccounts);
  const batchId = randomUUID();
  const isBatch = plan.transactions.length > 1 || isBatchOperation(plan.operation);
  const balances = new Map(plan.balances);
  balances.set(environment.signer.publicKey, environment.signerBalance);

  const records: DraftRecord[] = [];
  let signerBalance = environment.signerBalance;
  for (const [index, planned] of plan.transactions.entries()) {
    const messageBytes = planned.built.message.serialize();
    const review = buildReviewModel(messageBytes, {
      signer: environment.signer.publicKey,
      appVersion: environment.device.appVersion,
      pubkeyDisplay: environment.device.pubkeyDisplay,
      labels,
      balances: new Map([[environment.signer.publicKey, environment.signerBalance]]),
      ...(plan.validatorLookup === undefined ? {} : { validatorLookup: plan.validatorLookup }),
    });

    const fee =
      (await environment.rpc.feeForMessage(messageBytes, environment.signal)) ??
      BigInt(review.fee.totalLamports);
    assertFeePayerCanPay({
      feePayer: environment.signer.publicKey,
      balanceLamports: signerBalance,
      feeLamports: fee,
      otherOutflowLamports: planned.signerOutflowLamports,
      rentExemptMinimumLamports: environment.systemRentMinimum,
    });
    signerBalance =
      signerBalance - fee - planned.signerOutflowLamports + planned.signerInflowLamports;

    const simulation = await simulate(messageBytes, review, environment);
    const batch: BatchPosition | null =
      options.batch !== undefined
        ? options.batch
        : isBatch
          ? { batchId, index, count: plan.transactions.length }
          : null;

    records.push({
      view: {
        draftId: randomUUID(),
        intentId: options.intentId ?? randomUUID(),
        operation: plan.operation,
        summary: planned.summary,
        signer: environment.signer.publicKey,
        messageBase64: Buffer.from(messageBytes).toString('base64'),
        review,
        checks: [
          ...plan.checks,
          ...transactionChecks(planned, review, fee, simulation.unitsConsumed),
        ],
        simulation: {
          balanceChanges: computeBalanceChanges(review, fee, balances),
          ...(simulation.logs === null ? {} : { logs: simulation.logs }),
          unitsConsumed: simulation.unitsConsumed,
        },
        feeLamports: fee.toString(),
        expiresAtBlockHeight: environment.blockhash.lastValidBlockHeight,
        batch,
        newStakeAccounts: planned.newStakeAccounts,
        followUp: plan.followUp,
        replaces: options.replaces ?? null,
      },
      signer: environment.signer,
      messageBytes,
      review,
      lifetime: environment.blockhash,
      rebuildRequest: planned.rebuildRequest,
      stage: 'prepared',
      signature: null,
      signatureText: null,
      pendingId: null,
      auditSeq: null,
      slot: null,
      controller: null,
      rebuiltAs: null,
    });
  }
  return records;
}

/**
 * Runs the message on the cluster without signatures.
 *
 * @throws WalletError STAKE_SIMULATION_FAILED with the runtime's error in plain words.
 */
export async function simulate(
  messageBytes: Uint8Array,
  review: ReviewModel,
  environment: Pick<FlowEnvironment, 'rpc' | 'signal'>,
): Promise<{ logs: string[] | null; unitsConsumed: number | null }> {
  const result = await environment.rpc.simulate(
    messageBytes,
    review.requiredSigners.length,
    environment.signal,
  );
  const failure = describeSimulationError(
    result.err,
    result.logs,
    review.instructions.map((instruction) => instruction.programId),
  );
  if (failure !== null) {
    throw new WalletError(
      'STAKE_SIMULATION_FAILED',
      {
        title: failure.title,
        detail: failure.detail,
        errorName: failure.errorName,
        instructionIndex: failure.instructionIndex,
        customCode: failure.customCode,
      },
      `${failure.title}: ${failure.detail}`,
    );
  }
  return { logs: result.logs, unitsConsumed: result.unitsConsumed };
}

function transactionChecks(
  planned: PlannedTransaction,
  review: ReviewModel,
  fee: bigint,
  unitsConsumed: number | null,
): FlowCheck[] {
  const checks: FlowCheck[] = [
    {
      check: 'feePayer',
      outcome: 'passed',
      text: `The fee is ${formatSol(fee)}${planned.signerOutflowLamports > 0n ? `, and ${formatSol(planned.signerOutflowLamports)} more leaves the account` : ''}; the balance covers it.`,
    },
    {
      check: 'transactionSize',
      outcome: 'passed',
      text: `The transaction is ${review.transactionSizeBytes} of at most ${review.maxTransactionSizeBytes} bytes.`,
    },
    {
      check: 'simulation',
      outcome: 'passed',
      text:
        unitsConsumed === null
          ? 'The cluster ran the transaction without an error.'
          : `The cluster ran the transaction without an error, using ${unitsConsumed} compute units.`,
    },
  ];

  const { device } = review;
  switch (device.outcome) {
    case 'clearSign':
      checks.push({
        check: 'clearSigning',
        outcome: 'passed',
        text: `Solana app ${device.appVersion} shows this transaction in clear on ${device.screens.length} screens.`,
      });
      break;
    case 'blindSign':
      checks.push({
        check: 'clearSigning',
        outcome: 'warning',
        text: `Solana app ${device.appVersion} cannot show this transaction in clear (${device.reason.kind}); it needs blind signing enabled in the app's settings.`,
      });
      break;
    case 'refused':
      throw new WalletError(
        'INTERNAL',
        { method: 'prepareDrafts' },
        'The signing key is not a required signer of the built transaction.',
      );
  }
  return checks;
}

/**
 * Labels the review shows, which also mark an address as the person's own: their saved
 * Ledger accounts, their stake accounts the chain layer has found, and the plan's own labels.
 */
function labelsFor(
  plan: OperationPlan,
  environment: FlowEnvironment,
  ownAccounts: readonly StoredAccount[],
): Map<string, string> {
  const labels = new Map<string, string>();
  const ownKeys = new Set(ownAccounts.map((account) => account.publicKey));
  for (const view of environment.chain.stakeAccounts.knownAccounts) {
    if (ownKeys.has(view.staker) || ownKeys.has(view.withdrawer)) {
      labels.set(view.address, OWN_STAKE_ACCOUNT);
    }
  }
  for (const [address, label] of distinguishSharedLabels(plan.labels)) {
    labels.set(address, label);
  }
  for (const account of ownAccounts) {
    labels.set(account.publicKey, accountLabel(account));
  }
  return labels;
}

function isBatchOperation(operation: OperationPlan['operation']): boolean {
  return operation === 'stakeAcrossValidators' || operation === 'withdrawMany';
}
