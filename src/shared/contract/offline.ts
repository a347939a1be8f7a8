import { z } from 'zod';

import { defineEvent, defineMethod, noInput } from './define';
import { transactionReviewSchema } from './ledger';
import { stakeMethods } from './stake';
import { addressSchema, clusterIdSchema, lamportsSchema } from '../domain/chain';
import { reviewModelSchema } from '../domain/stake';
import {
  auditChainBreakSchema,
  deviceScreenSchema,
  derivationPathSchema,
  intentSummarySchema,
  isoTimeSchema,
  pendingStatusSchema,
  sendStatusSchema,
  sha256HexSchema,
  signatureOutcomeSchema,
  signatureSchema,
  transactionLifetimeSchema,
} from '../domain/store';
import { walletErrorDataSchema } from '../errors';

/**
 * Offline use: durable nonce accounts, the queue of transactions signed now and sent later,
 * transaction files carried to and from an air-gapped machine, and the audit log. Files
 * cross the bridge as their text content, never as paths, so the desktop app and the
 * browser host read and write them the same way.
 */

/** Largest transaction file the app reads. Real files are a few kilobytes. */
export const MAX_TRANSACTION_FILE_BYTES = 64 * 1024;

/** A durable nonce account whose authority is one of the person's Ledger accounts. */
export const nonceAccountViewSchema = z.strictObject({
  address: addressSchema,
  authority: addressSchema,
  /** Name of the authority's saved account; empty when unnamed. */
  authorityName: z.string(),
  authorityPath: derivationPathSchema,
  /** Seed of `createAccountWithSeed` with the authority as base, such as "nonce:0". */
  seed: z.string(),
  /** The nonce value a transaction uses in place of a recent blockhash. */
  nonceValue: addressSchema,
  lamports: lamportsSchema,
  /** The pending transaction that uses the current nonce value, or null when it is free. */
  reservedBy: z.uuid().nullable(),
  /** Slot and time of the read this view comes from. */
  slot: z.int().nonnegative(),
  readAt: isoTimeSchema,
});
export type NonceAccountView = z.infer<typeof nonceAccountViewSchema>;

/** The stake figures saved for offline operations, with the read they come from. */
export const savedStakeParametersSchema = z.strictObject({
  /** Rent-exempt reserve of a 200-byte stake account. */
  stakeRentReserve: lamportsSchema,
  minimumDelegation: lamportsSchema,
  slot: z.int().nonnegative(),
  readAt: isoTimeSchema,
});
export type SavedStakeParametersView = z.infer<typeof savedStakeParametersSchema>;

export const nonceAccountListSchema = z.strictObject({
  accounts: z.array(nonceAccountViewSchema),
  /** The saved stake figures of the cluster; null until the cluster was read once. */
  stakeParameters: savedStakeParametersSchema.nullable(),
  /** True when the cluster could not be read and the list is the last one saved. */
  fromCache: z.boolean(),
  /** Reason the refresh failed; null when it succeeded or was not requested. */
  error: walletErrorDataSchema.nullable(),
});
export type NonceAccountList = z.infer<typeof nonceAccountListSchema>;

/** Queue actions the store's rules allow for a pending transaction now. */
export const pendingActionsSchema = z.strictObject({
  sign: z.boolean(),
  send: z.boolean(),
  discard: z.boolean(),
  exportUnsigned: z.boolean(),
  exportSigned: z.boolean(),
});
export type PendingActions = z.infer<typeof pendingActionsSchema>;

/** A transaction in the send-later queue, as the queue view shows it. */
export const pendingItemSchema = z.strictObject({
  id: z.uuid(),
  intent: intentSummarySchema,
  cluster: clusterIdSchema,
  status: pendingStatusSchema,
  lifetime: transactionLifetimeSchema,
  /** The person's Ledger account that signs, or null when none of the signers is saved. */
  signer: addressSchema.nullable(),
  signerPath: derivationPathSchema.nullable(),
  /** The transaction id: the fee payer's signature, once signed. */
  signature: signatureSchema.nullable(),
  messageSha256: sha256HexSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  actions: pendingActionsSchema,
});
export type PendingItem = z.infer<typeof pendingItemSchema>;

const pendingListSchema = z.strictObject({ items: z.array(pendingItemSchema) });

/** A chain value that an offline-built transaction was checked with, from the last read. */
export const cachedFigureSchema = z.strictObject({
  label: z.string(),
  value: z.string(),
  /** Slot and time of the read the value comes from. */
  slot: z.int().nonnegative(),
  readAt: isoTimeSchema,
});
export type CachedFigure = z.infer<typeof cachedFigureSchema>;

/** Source of the values a nonce transaction was checked against before it was queued. */
export const nonceCheckBasisSchema = z.discriminatedUnion('kind', [
  /** The cluster responded: the stake checks and the simulation ran on current values. */
  z.strictObject({ kind: z.literal('live'), checks: z.array(z.string()) }),
  /** The cluster was unreachable: the checks ran on saved values, and nothing was simulated. */
  z.strictObject({
    kind: z.literal('cached'),
    checks: z.array(z.string()),
    figures: z.array(cachedFigureSchema),
    /** The failure that made the app use saved values. */
    reason: walletErrorDataSchema,
  }),
]);
export type NonceCheckBasis = z.infer<typeof nonceCheckBasisSchema>;

/** A nonce transaction in the queue, unsigned, with the review to sign it from. */
export const preparedNonceTransactionSchema = z.strictObject({
  item: pendingItemSchema,
  review: transactionReviewSchema,
  basis: nonceCheckBasisSchema,
});
export type PreparedNonceTransaction = z.infer<typeof preparedNonceTransactionSchema>;

/**
 * A stake operation that can be prepared with a durable nonce, with the same input as its
 * blockhash `prepare…` method. Creating a stake account is not among them, because offline
 * the new account's address cannot be checked as free.
 */
export const nonceOperationSchema = z.discriminatedUnion('operation', [
  z.strictObject({
    operation: z.literal('deactivate'),
    input: stakeMethods.prepareDeactivate.input,
  }),
  z.strictObject({ operation: z.literal('withdraw'), input: stakeMethods.prepareWithdraw.input }),
  z.strictObject({ operation: z.literal('split'), input: stakeMethods.prepareSplit.input }),
  z.strictObject({ operation: z.literal('merge'), input: stakeMethods.prepareMerge.input }),
  z.strictObject({ operation: z.literal('delegate'), input: stakeMethods.prepareDelegate.input }),
  z.strictObject({ operation: z.literal('authorize'), input: stakeMethods.prepareAuthorize.input }),
]);
export type NonceOperation = z.infer<typeof nonceOperationSchema>;

/** Text of a file the page offers for download. */
export const exportedFileSchema = z.strictObject({
  fileName: z.string().min(1).max(200),
  mediaType: z.enum(['application/json', 'text/csv']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/** Content of an imported transaction file, as the import dialog shows it. */
export const importResultSchema = z.discriminatedUnion('kind', [
  /** An unsigned transaction to review and sign with the Ledger on this machine. */
  z.strictObject({
    kind: z.literal('toSign'),
    importId: z.uuid(),
    cluster: clusterIdSchema,
    intent: intentSummarySchema,
    lifetime: transactionLifetimeSchema,
    /** When and where the file was made. */
    exportedAt: isoTimeSchema,
    /** The review rebuilt here from the message bytes; the file's own text is not trusted. */
    review: transactionReviewSchema,
    /** False when the review text in the file differs from the one rebuilt here. */
    reviewMatchesFile: z.boolean(),
  }),
  /** A signed transaction, now in the send queue. */
  z.strictObject({
    kind: z.literal('signedQueued'),
    item: pendingItemSchema,
    /** True when it completed a transaction this machine had prepared. */
    matchedPending: z.boolean(),
  }),
]);
export type ImportResult = z.infer<typeof importResultSchema>;

/** One signature request of the audit log, with the latest send status recorded for it. */
export const auditRowSchema = z.strictObject({
  seq: z.int().nonnegative(),
  time: isoTimeSchema,
  cluster: clusterIdSchema,
  account: addressSchema,
  derivationPath: derivationPathSchema,
  messageSha256: sha256HexSchema,
  pendingTransactionId: z.uuid().nullable(),
  reviewSummary: z.array(z.string()),
  deviceScreens: z.array(deviceScreenSchema),
  outcome: signatureOutcomeSchema,
  errorCode: z.string().nullable(),
  signature: signatureSchema.nullable(),
  sendStatus: sendStatusSchema,
  slot: z.int().nonnegative().nullable(),
  /** Reason given with the latest status update, such as why it failed. */
  statusReason: z.string().nullable(),
  statusTime: isoTimeSchema.nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/** A point where the app found the log damaged at start and began a new one. */
export const auditRestartSchema = z.strictObject({
  seq: z.int().nonnegative(),
  time: isoTimeSchema,
  previousLog: z.string(),
  chainBreak: auditChainBreakSchema,
});
export type AuditRestart = z.infer<typeof auditRestartSchema>;

export const auditLogViewSchema = z.strictObject({
  /** Newest first. */
  rows: z.array(auditRowSchema),
  restarts: z.array(auditRestartSchema),
  /** The first break that verification found just now; null when the chain verifies. */
  chainBreak: auditChainBreakSchema.nullable(),
  verifiedAt: isoTimeSchema,
});
export type AuditLogView = z.infer<typeof auditLogViewSchema>;

const idInput = z.strictObject({ id: z.uuid() });

export const offlineMethods = {
  listNonceAccounts: defineMethod({
    summary:
      'List the durable nonce accounts of the saved Ledger accounts with their current nonce; with refresh set, read them from the cluster first.',
    input: z.strictObject({ refresh: z.boolean() }),
    output: nonceAccountListSchema,
  }),
  prepareNonceAccount: defineMethod({
    summary:
      'Build the transaction that creates a durable nonce account with a saved Ledger account as base and authority, and queue it unsigned.',
    input: z.strictObject({ authority: addressSchema }),
    output: z.strictObject({ item: pendingItemSchema, review: reviewModelSchema }),
  }),
  queueTransaction: defineMethod({
    summary:
      'Queue an unsigned transaction message (base64) built elsewhere, such as a prepared stake operation. With nonceAccount, a blockhash message is rebuilt to use that durable nonce; a nonce-based message reserves its nonce.',
    input: z.strictObject({
      messageBase64: z.base64().min(1).max(1644),
      intent: intentSummarySchema,
      /** Durable nonce account of the fee payer to rebuild a blockhash message with. */
      nonceAccount: addressSchema.optional(),
      /** Last valid block height of a blockhash message, from the call that gave its blockhash. */
      lastValidBlockHeight: z.int().nonnegative().optional(),
    }),
    output: pendingItemSchema,
  }),
  prepareNonceUnstake: defineMethod({
    summary:
      'Build the unstake of a stake account with a durable nonce of the signing Ledger account, queue it unsigned and review it for the device. While the cluster is unreachable it is checked against the last saved stake account, balance and nonce value, without simulation.',
    input: z.strictObject({
      account: addressSchema,
      stakeAccount: addressSchema,
      nonceAccount: addressSchema,
    }),
    output: preparedNonceTransactionSchema,
  }),
  prepareNonceOperation: defineMethod({
    summary:
      'Build an unstake, withdrawal, split, merge, delegation or authority change with a durable nonce of the signing Ledger account, queue it unsigned and review it for the device. While the cluster is unreachable it is checked against the saved portfolio, validator list, stake rent reserve, minimum delegation and nonce value, without simulation.',
    input: z.strictObject({ nonceAccount: addressSchema, operation: nonceOperationSchema }),
    output: preparedNonceTransactionSchema,
  }),
  listPendingTransactions: defineMethod({
    summary: 'List the transactions in the send-later queue with the actions allowed for each.',
    input: noInput,
    output: pendingListSchema,
  }),
  reviewPendingTransaction: defineMethod({
    summary:
      'Review an unsigned queued transaction for the Ledger; returns the review id to sign it with.',
    input: idInput,
    output: transactionReviewSchema,
  }),
  signPendingTransaction: defineMethod({
    summary:
      'Sign a reviewed queued transaction with the Ledger and keep it in the queue, ready to send.',
    input: z.strictObject({ id: z.uuid(), reviewId: z.uuid() }),
    output: pendingItemSchema,
  }),
  cancelPendingSigning: defineMethod({
    summary:
      'Stop waiting for the Ledger to sign; the same as cancelSigning, since the queue, imports and the Ledger page share one signing. The device may still show the request.',
    input: noInput,
    output: z.strictObject({ cancelled: z.boolean() }),
  }),
  sendPendingTransaction: defineMethod({
    summary:
      'Send one signed transaction and wait for confirmation. A moved nonce makes it stale and an expired blockhash expired; neither is sent again.',
    input: idInput,
    output: pendingItemSchema,
  }),
  sendSignedTransactions: defineMethod({
    summary:
      'Send every signed transaction in the queue and check the ones already sent, for example when the network is back.',
    input: noInput,
    output: pendingListSchema,
  }),
  discardPendingTransaction: defineMethod({
    summary:
      'Remove a queued transaction that can no longer land or was never signed; its nonce becomes free.',
    input: idInput,
    output: pendingListSchema,
  }),
  exportTransactionFile: defineMethod({
    summary:
      'Export a queued transaction with its review as a JSON file: unsigned to sign on another machine, or signed to send from another machine.',
    input: idInput,
    output: exportedFileSchema,
  }),
  importTransactionFile: defineMethod({
    summary:
      'Read a transaction file: an unsigned one is reviewed for signing here, a signed one joins the send queue.',
    input: z.strictObject({ content: z.string().min(1).max(MAX_TRANSACTION_FILE_BYTES) }),
    output: importResultSchema,
  }),
  signImportedTransaction: defineMethod({
    summary:
      'Sign an imported unsigned transaction with the Ledger and return the signed transaction file to carry back.',
    input: z.strictObject({ importId: z.uuid() }),
    output: exportedFileSchema,
  }),
  getAuditLog: defineMethod({
    summary:
      'Verify the audit log and return its signature requests with their latest send status.',
    input: noInput,
    output: auditLogViewSchema,
  }),
  exportAuditCsv: defineMethod({
    summary: 'Export the whole audit log as CSV.',
    input: noInput,
    output: exportedFileSchema,
  }),
  exportRewardsCsv: defineMethod({
    summary:
      'Export the rewards of every stake account per epoch as CSV; read from the cluster when it answers, else the last rewards read.',
    input: z.strictObject({ epochs: z.int().min(1).max(10) }),
    output: exportedFileSchema,
  }),
};

export const offlineEvents = {
  pendingTransactionsChanged: defineEvent({
    summary: 'A transaction was queued, signed, sent, confirmed, failed, marked stale or removed.',
    payload: pendingListSchema,
  }),
};
