import { z } from 'zod';

const addressTextSchema = z.string();

/**
 * Error codes of the Ledger accounts and signing flow that the bridge runs: account
 * discovery, stored accounts, pasted transactions, reviews and the signing prompt.
 */
export const signingErrorContexts = {
  ACCOUNT_NOT_FOUND: z.object({ address: addressTextSchema }),
  DISCOVERY_IN_PROGRESS: z.object({}),
  TRANSACTION_TEXT_INVALID: z.object({
    reason: z.enum(['empty', 'notBase64OrBase58']),
    /** Characters left after whitespace was removed. */
    length: z.number().int().nonnegative(),
  }),
  TRANSACTION_TEXT_TOO_LONG: z.object({
    length: z.number().int().nonnegative(),
    maxLength: z.number().int().positive(),
  }),
  PASTED_TRANSACTION_TOO_LARGE: z.object({
    sizeBytes: z.number().int().nonnegative(),
    maxBytes: z.number().int().positive(),
  }),
  REVIEW_SIGNER_NOT_FOUND: z.object({
    requiredSigners: z.array(addressTextSchema),
    /** The signer the request named, when it named one. */
    requestedSigner: addressTextSchema.nullable(),
    storedAccountCount: z.number().int().nonnegative(),
  }),
  REVIEW_NOT_FOUND: z.object({ reviewId: z.string() }),
  SIGNING_IN_PROGRESS: z.object({ reviewId: z.string() }),
};

export const signingErrorText = {
  ACCOUNT_NOT_FOUND: {
    title: 'That account is not in your account list',
    nextStep: 'Connect your Ledger to find your accounts again, then try again.',
  },
  DISCOVERY_IN_PROGRESS: {
    title: 'A search for accounts is already running',
    nextStep: 'Wait for it to finish or cancel it, then start a new search.',
  },
  TRANSACTION_TEXT_INVALID: {
    title: 'The text is not a base64 or base58 transaction',
    nextStep:
      'Paste the whole transaction or message as base64 or base58, with nothing before or after it.',
  },
  TRANSACTION_TEXT_TOO_LONG: {
    title: 'The pasted text is longer than 8192 characters',
    nextStep:
      'One transaction takes at most about 1700 characters of base64 or base58. Copy a single transaction, with nothing before or after it.',
  },
  PASTED_TRANSACTION_TOO_LARGE: {
    title: 'The pasted text decodes to more than 1232 bytes, the size limit of one transaction',
    nextStep:
      'Check that you copied exactly one transaction and nothing else, then paste it again.',
  },
  REVIEW_SIGNER_NOT_FOUND: {
    title: 'None of your accounts has to sign this transaction',
    nextStep:
      'Connect the Ledger that holds the signing account and find its accounts, or check that the transaction is meant for you.',
  },
  REVIEW_NOT_FOUND: {
    title: 'The reviewed transaction is no longer available',
    nextStep: 'Paste the transaction and review it again before signing.',
  },
  SIGNING_IN_PROGRESS: {
    title: 'Another transaction is waiting for the Ledger',
    nextStep: 'Finish or cancel that signing first, then try again.',
  },
} as const;
