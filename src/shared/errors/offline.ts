import { z } from 'zod';

const addressTextSchema = z.string();

/**
 * Error codes of the offline features: durable nonce accounts, the send-later queue, the
 * transaction files carried to and from an air-gapped machine, and the audit log exports.
 */
export const offlineErrorContexts = {
  NONCE_ACCOUNT_NOT_FOUND: z.object({ address: addressTextSchema }),
  /** The account exists but does not hold an initialized durable nonce. */
  NONCE_ACCOUNT_INVALID: z.object({ address: addressTextSchema, reason: z.string() }),
  NONCE_AUTHORITY_MISMATCH: z.object({
    address: addressTextSchema,
    authority: addressTextSchema,
    expectedAuthority: addressTextSchema,
  }),
  /** Another pending transaction already uses this nonce, and a nonce works only once. */
  NONCE_ACCOUNT_RESERVED: z.object({ address: addressTextSchema, pendingId: z.string() }),
  /** The nonce value was never read in this run and the cluster cannot be reached now. */
  NONCE_VALUE_UNKNOWN: z.object({ address: addressTextSchema }),
  /** The action needs the cluster, and the cluster did not answer. */
  NETWORK_REQUIRED: z.object({
    action: z.string(),
    cluster: z.string(),
    cause: z.string().nullable(),
  }),
  /** The cluster is unreachable and the app has no saved value to check the request with. */
  OFFLINE_DATA_MISSING: z.object({ what: z.string(), cluster: z.string() }),
  /**
   * The saved balance of the fee payer is below the fee of an offline-signed transaction plus
   * its deposits, such as a new account's rent reserve.
   */
  OFFLINE_BALANCE_TOO_LOW: z.object({
    account: addressTextSchema,
    balanceLamports: z.string(),
    feeLamports: z.string(),
    depositLamports: z.string(),
  }),
  PENDING_ACTION_NOT_ALLOWED: z.object({
    id: z.string(),
    action: z.enum(['review', 'sign', 'send', 'discard', 'export']),
    status: z.string(),
  }),
  /** The message needs signatures from keys the Ledger does not hold. */
  PENDING_SIGNERS_UNSUPPORTED: z.object({
    id: z.string(),
    requiredSigners: z.array(addressTextSchema),
  }),
  /** The reviewed bytes and the pending transaction's bytes differ. */
  REVIEW_MESSAGE_MISMATCH: z.object({ id: z.string(), reviewId: z.string() }),
  TRANSACTION_FILE_TOO_LARGE: z.object({ sizeBytes: z.number().int(), maxBytes: z.number().int() }),
  TRANSACTION_FILE_INVALID: z.object({
    reason: z.enum(['notJson', 'wrongFormat', 'invalidFields', 'undecodableMessage']),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  TRANSACTION_FILE_VERSION_UNSUPPORTED: z.object({
    version: z.number().int(),
    supportedVersion: z.number().int(),
  }),
  /** The message bytes are not byte-identical to the ones they must match. */
  TRANSACTION_FILE_MESSAGE_MISMATCH: z.object({
    reason: z.enum(['hashMismatch', 'differsFromPending', 'differsFromTransaction']),
    expectedSha256: z.string(),
    actualSha256: z.string(),
  }),
  TRANSACTION_FILE_CLUSTER_MISMATCH: z.object({
    fileCluster: z.string(),
    currentCluster: z.string(),
  }),
  TRANSACTION_FILE_SIGNATURE_INVALID: z.object({ signer: addressTextSchema }),
  TRANSACTION_FILE_SIGNER_MISMATCH: z.object({
    path: z.string(),
    expected: addressTextSchema,
    actual: addressTextSchema,
  }),
  IMPORT_NOT_FOUND: z.object({ importId: z.string() }),
};

export const offlineErrorText = {
  NONCE_ACCOUNT_NOT_FOUND: {
    title: 'The nonce account does not exist on this cluster',
    nextStep: 'Create a nonce account first, or pick one from the list of your nonce accounts.',
  },
  NONCE_ACCOUNT_INVALID: {
    title: 'The account is not a usable durable nonce account',
    nextStep: 'Pick another nonce account, or create a new one.',
  },
  NONCE_AUTHORITY_MISMATCH: {
    title: 'Your Ledger account is not the authority of this nonce account',
    nextStep: 'Pick a nonce account whose authority is the signing Ledger account.',
  },
  NONCE_ACCOUNT_RESERVED: {
    title: 'This nonce is already reserved for another pending transaction',
    nextStep:
      'Send or discard that pending transaction first, or use another nonce account. Each nonce works once.',
  },
  NONCE_VALUE_UNKNOWN: {
    title: 'The current nonce value is not known',
    nextStep: 'Connect to the network once so the app can read the nonce, then try again.',
  },
  OFFLINE_DATA_MISSING: {
    title: 'The app has no saved chain data to check this with',
    nextStep:
      'Connect to the network once, open the Stake accounts and Validators pages and refresh the nonce accounts on the Activity page, so the app saves the current values. Then try again.',
  },
  OFFLINE_BALANCE_TOO_LOW: {
    title: 'The last saved balance does not cover the fee and deposits',
    nextStep: 'Fund the Ledger account, then refresh its balance while online and try again.',
  },
  NETWORK_REQUIRED: {
    title: 'This needs a connection to the cluster',
    nextStep:
      'Check your internet connection or the RPC endpoints in Settings. Signed transactions stay in the queue until you send them.',
  },
  PENDING_ACTION_NOT_ALLOWED: {
    title: 'That action is not possible for this transaction now',
    nextStep: 'Check its status in the queue; the allowed actions are shown next to it.',
  },
  PENDING_SIGNERS_UNSUPPORTED: {
    title: 'This transaction needs signatures that your Ledger cannot give',
    nextStep: 'Only transactions whose signers are your Ledger accounts can be signed here.',
  },
  REVIEW_MESSAGE_MISMATCH: {
    title: 'The review does not match the transaction to sign',
    nextStep: 'Review the transaction again, then sign it.',
  },
  TRANSACTION_FILE_TOO_LARGE: {
    title: 'The file is too large to be a transaction file',
    nextStep: 'Choose the .json file that this app exported.',
  },
  TRANSACTION_FILE_INVALID: {
    title: 'The file is not a valid transaction file',
    nextStep: 'Choose the .json file that this app exported, unchanged.',
  },
  TRANSACTION_FILE_VERSION_UNSUPPORTED: {
    title: 'The transaction file comes from a newer version of the app',
    nextStep: 'Update the app on this machine, or export the file again from a matching version.',
  },
  TRANSACTION_FILE_MESSAGE_MISMATCH: {
    title: 'The transaction in the file is not byte-identical to the one it must match',
    nextStep:
      'Do not sign or send it. Export the transaction again from the machine that prepared it and carry the file unchanged.',
  },
  TRANSACTION_FILE_CLUSTER_MISMATCH: {
    title: 'The transaction file is for another cluster',
    nextStep: 'Switch to the cluster named in the file, then import it again.',
  },
  TRANSACTION_FILE_SIGNATURE_INVALID: {
    title: 'A signature in the file does not verify',
    nextStep: 'Do not send it. Sign the exported transaction again with the Ledger.',
  },
  TRANSACTION_FILE_SIGNER_MISMATCH: {
    title: 'The Ledger gives another address for the path in the file',
    nextStep:
      'Connect the Ledger that holds the signing account, with the same recovery phrase, then import again.',
  },
  IMPORT_NOT_FOUND: {
    title: 'The imported transaction is no longer available',
    nextStep: 'Import the file again.',
  },
} as const;
