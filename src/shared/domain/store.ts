import { z } from 'zod';

import { addressSchema, clusterIdSchema } from './chain';

/**
 * Shapes of everything the main process keeps on disk: accounts and their names, settings,
 * chain snapshots, pending transactions and the audit log. Only public data is described
 * here. Every object is strict, so a field such as a secret key cannot slip into a file.
 */

/** Base-58 Ed25519 signature. 64 bytes encode to 64 to 88 characters. */
export const signatureSchema = z
  .string()
  .regex(/^[1-9A-HJ-NP-Za-km-z]{64,88}$/, 'invalid base-58 signature');

/** SHA-256 digest as 64 lowercase hex digits. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'invalid SHA-256 hex digest');

/** UTC time in ISO 8601 form, for example 2025-01-31T12:00:00.000Z. */
export const isoTimeSchema = z.iso.datetime();

/** BIP-44 path under the Solana coin type, for example 44'/501'/0'/0'. */
export const derivationPathSchema = z
  .string()
  .regex(/^44'\/501'(\/\d{1,10}'?){0,3}$/, "invalid derivation path: expected 44'/501'/...");

export const slotSchema = z.int().nonnegative();

/**
 * Version of the current layout of each kind of file. A file with a lower version is
 * migrated when it is read. A file with a higher one was written by a newer app.
 */
export const storeFileVersions = {
  accounts: 2,
  settings: 2,
  snapshot: 1,
  pendingTransaction: 1,
  pendingJournal: 1,
  auditLine: 1,
  auditHead: 1,
} as const;
export type StoreFileKind = keyof typeof storeFileVersions;

// Accounts

export const accountNameSchema = z.string().trim().max(64);

/** A Ledger account the person added, with the name they gave it (empty when unnamed). */
export const storedAccountSchema = z.strictObject({
  publicKey: addressSchema,
  derivationPath: derivationPathSchema,
  name: accountNameSchema,
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

export const accountsDocumentSchema = z
  .strictObject({ accounts: z.array(storedAccountSchema) })
  .refine((document) => hasUniqueKeys(document.accounts.map((account) => account.publicKey)), {
    message: 'each public key may appear only once',
  });
export type AccountsDocument = z.infer<typeof accountsDocumentSchema>;

// Settings

// The settings file contains the app's settings unchanged, so their schema lives with the
// other settings types.
export {
  commitmentSchema,
  endpointUrlSchema,
  settingsSchema as storedSettingsSchema,
  settingsPatchSchema as storedSettingsPatchSchema,
  defaultSettings as defaultStoredSettings,
  type Commitment,
  type Settings as StoredSettings,
  type SettingsPatch as StoredSettingsPatch,
} from './settings';

// Snapshots

export const snapshotKindSchema = z.enum([
  'stakeAccounts',
  'validators',
  'rewards',
  'nonceAccounts',
  'stakeParameters',
]);
export type SnapshotKind = z.infer<typeof snapshotKindSchema>;

/** The point of the chain a snapshot was read at. */
export const snapshotContextSchema = z.strictObject({
  slot: slotSchema,
  epoch: z.int().nonnegative(),
  /** Time the data was received from the RPC node. */
  fetchedAt: isoTimeSchema,
});
export type SnapshotContext = z.infer<typeof snapshotContextSchema>;

/**
 * Builds the schema of a snapshot whose data the caller describes. The data schema must
 * describe the JSON form itself (input and output types equal, so no transforms), because
 * the same schema checks the value before it is written and after it is read back.
 */
export function snapshotSchema<T>(dataSchema: z.ZodType<T, T>) {
  return z.strictObject({
    kind: snapshotKindSchema,
    cluster: clusterIdSchema,
    context: snapshotContextSchema,
    data: dataSchema,
  });
}
export interface Snapshot<T> {
  kind: SnapshotKind;
  cluster: z.infer<typeof clusterIdSchema>;
  context: SnapshotContext;
  data: T;
}

// Pending transactions

/** Base-64 message bytes. A Solana transaction is at most 1232 bytes. */
export const messageBase64Schema = z.base64().max(1644);

export const transactionLifetimeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('blockhash'),
    blockhash: addressSchema,
    /** Block height after which the cluster rejects the blockhash. */
    lastValidBlockHeight: z.int().nonnegative(),
  }),
  z.strictObject({
    kind: z.literal('durableNonce'),
    nonceAccount: addressSchema,
    nonceAuthority: addressSchema,
    /** Nonce value stored in the account when the message was built. */
    nonceValue: addressSchema,
  }),
]);
export type TransactionLifetime = z.infer<typeof transactionLifetimeSchema>;

/** One required signer of the message, in the order of the message's signer keys. */
export const signerSignatureSchema = z.strictObject({
  publicKey: addressSchema,
  signature: signatureSchema.nullable(),
});
export type SignerSignature = z.infer<typeof signerSignatureSchema>;

export const pendingStatusSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unsigned') }),
  z.strictObject({ kind: z.literal('signed'), signedAt: isoTimeSchema }),
  z.strictObject({
    kind: z.literal('sent'),
    sentAt: isoTimeSchema,
    /** How many times the signed bytes were broadcast. */
    sendCount: z.int().positive(),
  }),
  z.strictObject({ kind: z.literal('confirmed'), slot: slotSchema }),
  z.strictObject({ kind: z.literal('finalized'), slot: slotSchema }),
  z.strictObject({ kind: z.literal('failed'), reason: z.string().min(1).max(500) }),
  z.strictObject({ kind: z.literal('stale'), reason: z.string().min(1).max(500) }),
  z.strictObject({ kind: z.literal('expired') }),
]);
export type PendingStatus = z.infer<typeof pendingStatusSchema>;
export type PendingStatusKind = PendingStatus['kind'];

export const intentSummarySchema = z.strictObject({
  /** Operation name, for example delegate, deactivate, withdraw, split or merge. */
  kind: z.string().min(1).max(40),
  /** One line a person can read, for example "Delegate 10 SOL to Validator X". */
  summary: z.string().min(1).max(300),
});
export type IntentSummary = z.infer<typeof intentSummarySchema>;

export const pendingTransactionSchema = z.strictObject({
  id: z.uuid(),
  /** Incremented on every change, so the newest copy wins when two copies disagree. */
  revision: z.int().nonnegative(),
  intent: intentSummarySchema,
  cluster: clusterIdSchema,
  messageBase64: messageBase64Schema,
  signatures: z.array(signerSignatureSchema).min(1),
  lifetime: transactionLifetimeSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  status: pendingStatusSchema,
});
export type PendingTransaction = z.infer<typeof pendingTransactionSchema>;

export const pendingTransactionDraftSchema = pendingTransactionSchema.pick({
  intent: true,
  cluster: true,
  messageBase64: true,
  signatures: true,
  lifetime: true,
});
export type PendingTransactionDraft = z.infer<typeof pendingTransactionDraftSchema>;

// Audit log

export const signatureOutcomeSchema = z.enum([
  'approved',
  'rejected',
  'failed',
  'cancelled',
  'timedOut',
]);
export type SignatureOutcome = z.infer<typeof signatureOutcomeSchema>;

export const sendStatusSchema = z.enum([
  'notSent',
  'sent',
  'confirmed',
  'finalized',
  'failed',
  'expired',
]);
export type SendStatus = z.infer<typeof sendStatusSchema>;

/** One screen the device showed, as its title and value. */
export const deviceScreenSchema = z.strictObject({
  title: z.string().max(100),
  value: z.string().max(300),
});
export type DeviceScreen = z.infer<typeof deviceScreenSchema>;

export const auditSignatureRequestSchema = z.strictObject({
  kind: z.literal('signatureRequest'),
  time: isoTimeSchema,
  cluster: clusterIdSchema,
  account: addressSchema,
  derivationPath: derivationPathSchema,
  /** SHA-256 of the exact message bytes sent to the device. */
  messageSha256: sha256HexSchema,
  pendingTransactionId: z.uuid().nullable(),
  /** Lines of the review screen the person read before the device was asked. */
  reviewSummary: z.array(z.string().max(300)).max(50),
  deviceScreens: z.array(deviceScreenSchema).max(50),
  outcome: signatureOutcomeSchema,
  /** Error code when the outcome is failed or timedOut. */
  errorCode: z.string().max(60).nullable(),
  signature: signatureSchema.nullable(),
  sendStatus: sendStatusSchema,
  slot: slotSchema.nullable(),
});
export type AuditSignatureRequest = z.infer<typeof auditSignatureRequestSchema>;

/** A later change to the send status of an earlier signature request, by its sequence number. */
export const auditStatusUpdateSchema = z.strictObject({
  kind: z.literal('statusUpdate'),
  time: isoTimeSchema,
  refersTo: z.int().nonnegative(),
  sendStatus: sendStatusSchema,
  slot: slotSchema.nullable(),
  reason: z.string().max(500).nullable(),
});
export type AuditStatusUpdate = z.infer<typeof auditStatusUpdateSchema>;

export const auditBreakReasonSchema = z.enum([
  'unparseable',
  'invalidEntry',
  'previousHashMismatch',
  'sequenceMismatch',
  'truncated',
  'linesAfterHead',
  'headMismatch',
  'headMissing',
  'headDamaged',
]);
export type AuditBreakReason = z.infer<typeof auditBreakReasonSchema>;

/** The first place where the audit log fails verification. */
export const auditChainBreakSchema = z.strictObject({
  /** 1-based line number in the log file, or null when only the head file is wrong. */
  line: z.int().positive().nullable(),
  reason: auditBreakReasonSchema,
  detail: z.string(),
});
export type AuditChainBreak = z.infer<typeof auditChainBreakSchema>;

/** First entry of a log started after the previous one failed verification. */
export const auditLogRestartedSchema = z.strictObject({
  kind: z.literal('logRestarted'),
  time: isoTimeSchema,
  /** File name the failed log was moved to, inside the data folder. */
  previousLog: z.string(),
  chainBreak: auditChainBreakSchema,
});
export type AuditLogRestarted = z.infer<typeof auditLogRestartedSchema>;

export const auditEntrySchema = z.discriminatedUnion('kind', [
  auditSignatureRequestSchema,
  auditStatusUpdateSchema,
  auditLogRestartedSchema,
]);
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** One line of the audit log file. */
export const auditLineSchema = z.strictObject({
  v: z.literal(storeFileVersions.auditLine),
  /** 0-based position of the line in the file. */
  seq: z.int().nonnegative(),
  /** SHA-256 of the previous line's bytes, or 64 zeros on the first line. */
  prevHash: sha256HexSchema,
  entry: auditEntrySchema,
});
export type AuditLine = z.infer<typeof auditLineSchema>;

export const auditHeadSchema = z.strictObject({
  count: z.int().nonnegative(),
  /** SHA-256 of the last line, or 64 zeros when the log is empty. */
  lastHash: sha256HexSchema,
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

// Events the UI can show

export const setAsideReasonSchema = z.enum([
  'unreadable',
  'invalidJson',
  'invalidSchema',
  'unsupportedVersion',
]);
export type SetAsideReason = z.infer<typeof setAsideReasonSchema>;

export const storeEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('fileSetAside'),
    /** Paths are relative to the data folder, so no user name reaches the UI or the logs. */
    file: z.string(),
    setAsideAs: z.string(),
    reason: setAsideReasonSchema,
    detail: z.string(),
  }),
  z.strictObject({
    type: z.literal('pendingTransactionRestored'),
    id: z.uuid(),
    /** Why the transaction file had to be rewritten from the journal. */
    cause: z.enum(['fileMissing', 'fileDamaged', 'fileOlder']),
  }),
  z.strictObject({
    type: z.literal('auditLogBroken'),
    setAsideAs: z.string(),
    chainBreak: auditChainBreakSchema,
  }),
]);
export type StoreEvent = z.infer<typeof storeEventSchema>;

function hasUniqueKeys(keys: string[]): boolean {
  return new Set(keys).size === keys.length;
}
