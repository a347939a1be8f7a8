import { z } from 'zod';

import { defineEvent, defineMethod, noInput } from './define';
import {
  base58AddressSchema,
  derivationSchemeSchema,
  deviceStateChangeSchema,
  deviceStateSchema,
  discoveryProgressSchema,
  signingProgressSchema,
} from '../domain/ledger';
import { deviceScreenSchema, reviewModelSchema } from '../domain/stake';
import { accountNameInputSchema } from '../domain/account-name';
import { derivationPathSchema as storedPathSchema, signatureSchema } from '../domain/store';

/** Maximum characters of pasted transaction text; one transaction needs at most about 1700. */
export const REVIEW_TEXT_MAX_LENGTH = 8192;

/** A Ledger account the person keeps in the app, with the name they gave it. */
export const accountViewSchema = z.strictObject({
  address: base58AddressSchema,
  /** Empty when the person has not named the account. */
  name: z.string(),
  path: storedPathSchema,
  /** Null for a path outside the three schemes the app searches. */
  scheme: derivationSchemeSchema.nullable(),
  /** Account index n within the scheme; null when `scheme` is null. */
  index: z.number().int().nonnegative().nullable(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

const accountListSchema = z.strictObject({ accounts: z.array(accountViewSchema) });

const cancelResultSchema = z.strictObject({
  /** False when nothing was running. */
  cancelled: z.boolean(),
});

export const discoveryResultSchema = z.strictObject({
  outcome: z.enum(['completed', 'cancelled']),
  accountsChecked: z.number().int().nonnegative(),
  /** Used accounts found by this search, already saved to the account list. */
  accounts: z.array(accountViewSchema),
  /**
   * False when chain data was missing or a chain look-up failed, so used accounts could not
   * be told from unused ones. The first account of each scheme then counts as found.
   */
  activityKnown: z.boolean(),
});
export type DiscoveryResult = z.infer<typeof discoveryResultSchema>;

/** A required signer of a reviewed message that is one of the person's saved accounts. */
export const reviewSignerSchema = z.strictObject({
  address: base58AddressSchema,
  path: storedPathSchema,
  /** Empty when the person has not named the account. */
  name: z.string(),
});
export type ReviewSigner = z.infer<typeof reviewSignerSchema>;

const slotSchema = z.number().int().nonnegative();

/**
 * Result of checking a reviewed message against the cluster chosen in the settings. The
 * outcomes `failed`, `expired` and `nonceMoved` block signing. `notChecked` allows it, because
 * an air-gapped machine has no cluster to query.
 */
export const chainCheckSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('ok'),
    /** Slot of the simulation. */
    slot: slotSchema,
    unitsConsumed: z.number().int().nonnegative().nullable(),
  }),
  z.strictObject({
    outcome: z.literal('failed'),
    slot: slotSchema,
    /** The runtime's error in plain words, and what to change. */
    title: z.string(),
    detail: z.string(),
    /** Name of the runtime or program error, such as `InsufficientFunds`. */
    errorName: z.string(),
    instructionIndex: z.number().int().nonnegative().nullable(),
    /** The last lines of the simulation's program log. */
    logs: z.array(z.string()),
  }),
  z.strictObject({
    outcome: z.literal('expired'),
    slot: slotSchema,
    blockhash: z.string(),
  }),
  z.strictObject({
    outcome: z.literal('nonceMoved'),
    slot: slotSchema,
    nonceAccount: base58AddressSchema,
    /** The nonce value in the message. */
    messageNonce: z.string(),
    /** The account's current nonce value, or null when it is missing or not a nonce account. */
    currentNonce: z.string().nullable(),
  }),
  z.strictObject({
    outcome: z.literal('notChecked'),
    reason: z.enum(['noCluster', 'unreachable', 'timedOut', 'rpcError']),
    /** One sentence on why, for the page. */
    detail: z.string(),
  }),
]);
export type ChainCheck = z.infer<typeof chainCheckSchema>;

export const transactionReviewSchema = z.strictObject({
  /** Id to pass to signReviewedTransaction, which signs exactly these message bytes. */
  reviewId: z.uuid(),
  encoding: z.enum(['base64', 'base58']),
  /** Whether the text held a whole transaction (with signature slots) or only its message. */
  inputKind: z.enum(['transaction', 'message']),
  signer: base58AddressSchema,
  signerPath: storedPathSchema,
  signerName: z.string(),
  /**
   * Every required signer that is a saved account, in the message's order. `signer` is one
   * of them, and reviewing again with another as `signer` signs with that account instead.
   */
  signers: z.array(reviewSignerSchema).min(1),
  review: reviewModelSchema,
  chainCheck: chainCheckSchema,
});
export type TransactionReview = z.infer<typeof transactionReviewSchema>;

export const signedTransactionSchema = z.strictObject({
  reviewId: z.uuid(),
  signer: base58AddressSchema,
  /** Base-58 Ed25519 signature, verified against the signer and the message bytes. */
  signature: signatureSchema,
  /** The whole transaction with every signature slot, ready to send. */
  signedTransactionBase64: z.string(),
  signedTransactionBase58: z.string(),
  /** Sequence number of the audit log line; null when the line could not be written. */
  auditSeq: z.number().int().nonnegative().nullable(),
});
export type SignedTransaction = z.infer<typeof signedTransactionSchema>;

export const ledgerMethods = {
  getDeviceState: defineMethod({
    summary: 'Read the current state of the first attached Ledger.',
    input: noInput,
    output: z.strictObject({ deviceId: z.string().nullable(), state: deviceStateSchema }),
  }),
  discoverAccounts: defineMethod({
    summary:
      'Search the Ledger for used accounts under the three derivation schemes and save them; progress arrives as discoveryProgress events.',
    input: z.strictObject({
      /** Schemes to search, in order; all three when absent. */
      schemes: z.array(derivationSchemeSchema).min(1).max(3).optional(),
      /** Unused accounts in a row after which a scheme ends. */
      gapLimit: z.int().min(1).max(50).optional(),
    }),
    output: discoveryResultSchema,
  }),
  cancelDiscovery: defineMethod({
    summary: 'Stop the running account search; the accounts found so far are kept.',
    input: noInput,
    output: cancelResultSchema,
  }),
  listAccounts: defineMethod({
    summary: 'List the saved Ledger accounts with their names, paths and schemes.',
    input: noInput,
    output: accountListSchema,
  }),
  renameAccount: defineMethod({
    summary: 'Give a saved account a name; an empty name removes it.',
    input: z.strictObject({ address: base58AddressSchema, name: accountNameInputSchema }),
    output: accountListSchema,
  }),
  removeAccount: defineMethod({
    summary: 'Remove a saved account from the list; the Ledger still holds it.',
    input: z.strictObject({ address: base58AddressSchema }),
    output: accountListSchema,
  }),
  verifyAddress: defineMethod({
    summary:
      'Show a saved account address on the Ledger and report whether the person approved it.',
    input: z.strictObject({ address: base58AddressSchema }),
    output: z.strictObject({
      address: base58AddressSchema,
      path: storedPathSchema,
      outcome: z.enum(['approved', 'rejected']),
    }),
  }),
  reviewTransaction: defineMethod({
    summary:
      'Decode a pasted transaction or message (base64 or base58, legacy or v0) and describe what it does and what the Ledger will show.',
    input: z.strictObject({
      text: z
        .string()
        .min(1)
        .max(
          REVIEW_TEXT_MAX_LENGTH,
          `The text may have at most ${REVIEW_TEXT_MAX_LENGTH} characters. Paste a single transaction.`,
        ),
      /** The saved account that signs when several are required signers; the first by default. */
      signer: base58AddressSchema.optional(),
    }),
    output: transactionReviewSchema,
  }),
  signReviewedTransaction: defineMethod({
    summary:
      'Sign a reviewed message with the Ledger, verify the signature and record the request in the audit log.',
    input: z.strictObject({ reviewId: z.uuid() }),
    output: signedTransactionSchema,
  }),
  cancelSigning: defineMethod({
    summary: 'Stop waiting for the Ledger to sign; the device may still show the request.',
    input: noInput,
    output: cancelResultSchema,
  }),
};

export const discoveryProgressEventSchema = discoveryProgressSchema.extend({
  /** Same as DiscoveryResult.activityKnown. */
  activityKnown: z.boolean(),
});
export type DiscoveryProgressEvent = z.infer<typeof discoveryProgressEventSchema>;

export const signingProgressEventSchema = z.strictObject({
  reviewId: z.uuid(),
  progress: signingProgressSchema,
  /** The screens the device is predicted to show, in order. */
  screens: z.array(deviceScreenSchema),
  blindSigning: z.boolean(),
});
export type SigningProgressEvent = z.infer<typeof signingProgressEventSchema>;

export const ledgerEvents = {
  deviceStateChanged: defineEvent({
    summary: 'The state of an attached Ledger changed.',
    payload: deviceStateChangeSchema,
  }),
  discoveryProgress: defineEvent({
    summary: 'The account search checked one more account.',
    payload: discoveryProgressEventSchema,
  }),
  signingProgress: defineEvent({
    summary: 'A signing request moved on: queued, waiting for the person, or signed.',
    payload: signingProgressEventSchema,
  }),
};
