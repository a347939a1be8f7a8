import { z } from 'zod';

import { ledgerOperationSchema as operationSchema } from '../domain/ledger';

/** A status word as four lowercase hex digits with a 0x prefix, for example `0x6985`. */
const statusWordSchema = z.string().regex(/^0x[0-9a-f]{4}$/);

/** Error codes of the Ledger subsystem: device states, status words and transport failures. */
export const ledgerErrorContexts = {
  LEDGER_NOT_CONNECTED: z.object({}),
  LEDGER_LOCKED: z.object({
    statusWord: statusWordSchema.optional(),
    /** Set when the device locked while it showed this operation's prompt. */
    operation: operationSchema.optional(),
  }),
  LEDGER_APP_NOT_OPEN: z.object({ statusWord: statusWordSchema.optional() }),
  LEDGER_WRONG_APP: z.object({
    appName: z.string().optional(),
    statusWord: statusWordSchema.optional(),
  }),
  LEDGER_REJECTED: z.object({
    operation: operationSchema.optional(),
    statusWord: statusWordSchema.optional(),
  }),
  LEDGER_BLIND_SIGNING_REQUIRED: z.object({ statusWord: statusWordSchema.optional() }),
  LEDGER_INVALID_DATA: z.object({ statusWord: statusWordSchema }),
  LEDGER_MESSAGE_TOO_LARGE: z.object({
    statusWord: statusWordSchema.optional(),
    size: z.number().int().optional(),
    maxSize: z.number().int().optional(),
  }),
  LEDGER_DISCONNECTED: z.object({ operation: operationSchema.optional() }),
  LEDGER_TIMEOUT: z.object({
    operation: operationSchema.optional(),
    timeoutMs: z.number().int().optional(),
  }),
  LEDGER_BUSY: z.object({
    operation: operationSchema.optional(),
    statusWord: statusWordSchema.optional(),
  }),
  LEDGER_BAD_SIGNATURE: z.object({ path: z.string(), signer: z.string() }),
  LEDGER_ACCOUNT_MISMATCH: z.object({
    path: z.string(),
    expected: z.string(),
    actual: z.string(),
  }),
  LEDGER_UNKNOWN_STATUS: z.object({ statusWord: statusWordSchema }),
  LEDGER_TRANSPORT_FAILED: z.object({ errorName: z.string() }),
  LEDGER_PROMPT_PENDING: z.object({ operation: operationSchema }),
  LEDGER_SIGNER_NOT_SAVED: z.object({ signer: z.string(), path: z.string() }),
  REVIEW_SIMULATION_FAILED: z.object({
    reviewId: z.string(),
    slot: z.number().int(),
    errorName: z.string(),
    title: z.string(),
    detail: z.string(),
    instructionIndex: z.number().int().nonnegative().nullable(),
  }),
  REVIEW_BLOCKHASH_EXPIRED: z.object({
    reviewId: z.string(),
    slot: z.number().int(),
    blockhash: z.string(),
  }),
  REVIEW_NONCE_MOVED: z.object({
    reviewId: z.string(),
    slot: z.number().int(),
    nonceAccount: z.string(),
    messageNonce: z.string(),
    currentNonce: z.string().nullable(),
  }),
};

export const ledgerErrorText = {
  LEDGER_NOT_CONNECTED: {
    title: 'No Ledger is connected',
    nextStep: 'Connect your Ledger with a USB cable and unlock it with your PIN.',
  },
  LEDGER_LOCKED: {
    title: 'The Ledger is locked',
    nextStep: 'Enter your PIN on the Ledger, then open the Solana app.',
  },
  LEDGER_APP_NOT_OPEN: {
    title: 'The Solana app is not open on the Ledger',
    nextStep: 'Open the Solana app on the Ledger. Install it with Ledger Live if it is missing.',
  },
  LEDGER_WRONG_APP: {
    title: 'Another app is open on the Ledger',
    nextStep: 'Close that app on the Ledger and open the Solana app.',
  },
  LEDGER_REJECTED: {
    title: 'The request was rejected on the Ledger',
    nextStep: 'Nothing was signed. Start again and approve on the Ledger if the details are right.',
  },
  LEDGER_BLIND_SIGNING_REQUIRED: {
    title: 'The Ledger cannot show this transaction in full and blind signing is off',
    nextStep:
      'Enable blind signing in the Solana app settings on the Ledger, or use a simpler transaction.',
  },
  LEDGER_INVALID_DATA: {
    title: 'The Ledger rejected the request as invalid',
    nextStep:
      'Check that the account belongs to this Ledger and update the Solana app, then try again.',
  },
  LEDGER_MESSAGE_TOO_LARGE: {
    title: 'The transaction is too large for the Ledger',
    nextStep: 'Split the operation into smaller transactions, or update the Solana app.',
  },
  LEDGER_DISCONNECTED: {
    title: 'The Ledger was disconnected during the operation',
    nextStep: 'Reconnect the Ledger, unlock it, open the Solana app and try again.',
  },
  LEDGER_TIMEOUT: {
    title: 'The Ledger did not respond in time',
    nextStep: 'Unplug and reconnect the Ledger, open the Solana app and try again.',
  },
  LEDGER_BUSY: {
    title: 'The Ledger is busy with another request',
    nextStep: 'Finish or reject the request shown on the Ledger, then try again.',
  },
  LEDGER_BAD_SIGNATURE: {
    title: 'The Ledger returned a signature that does not match the transaction',
    nextStep:
      'Nothing was sent. Reconnect the Ledger and sign again; report it if it happens again.',
  },
  LEDGER_ACCOUNT_MISMATCH: {
    title: 'This Ledger does not hold the account that must sign',
    nextStep:
      'Connect the Ledger that holds this account, with the same passphrase if you use one.',
  },
  LEDGER_UNKNOWN_STATUS: {
    title: 'The Ledger returned an unexpected status',
    nextStep: 'Update the Ledger firmware and the Solana app, then try again.',
  },
  LEDGER_TRANSPORT_FAILED: {
    title: 'The app could not talk to the Ledger',
    nextStep: 'Unplug and reconnect the Ledger. Close other apps that use it, such as Ledger Live.',
  },
  LEDGER_PROMPT_PENDING: {
    title: 'The Ledger still shows an earlier request that the app stopped waiting for',
    nextStep: 'Reject or approve that request on the Ledger first, then try again.',
  },
  LEDGER_SIGNER_NOT_SAVED: {
    title: 'The account that must sign is no longer saved in the app',
    nextStep: 'Search the Ledger for accounts to add it again, then review the transaction again.',
  },
  REVIEW_SIMULATION_FAILED: {
    title: 'The cluster would reject this transaction, so it was not sent to the Ledger',
    nextStep:
      'Read the reason on the review, have the transaction rebuilt without the fault, then review it again.',
  },
  REVIEW_BLOCKHASH_EXPIRED: {
    title: 'The blockhash of this transaction has expired, so it was not sent to the Ledger',
    nextStep:
      'Have the transaction rebuilt with a recent blockhash or a durable nonce, on the cluster chosen in Settings, then review it again.',
  },
  REVIEW_NONCE_MOVED: {
    title:
      'The durable nonce of this transaction was already used, so it was not sent to the Ledger',
    nextStep:
      "Have the transaction rebuilt with the nonce account's current value, then review it again.",
  },
} as const;
