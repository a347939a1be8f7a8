import { z } from 'zod';

/**
 * Error codes of the local store. File names in contexts are relative to the data folder,
 * so no user name from a home directory reaches the screen.
 */
export const storeErrorContexts = {
  /** The disk rejected a write because it is full, read-only, or not writable by the app. */
  STORE_WRITE_FAILED: z.object({ file: z.string(), reason: z.string() }),
  /** A file could not be read and could not be moved aside either. */
  STORE_READ_FAILED: z.object({ file: z.string(), reason: z.string() }),
  /** A value handed to the store does not match the schema of its file. */
  STORE_INVALID_RECORD: z.object({
    file: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  /** A store method ran before open() finished. */
  STORE_NOT_OPEN: z.object({}),
  /** Another running process owns the data folder. */
  STORE_LOCKED: z.object({ ownerPid: z.number() }),
  PENDING_TRANSACTION_NOT_FOUND: z.object({ id: z.string() }),
  /** The requested status change is not allowed from the current status. */
  PENDING_TRANSACTION_INVALID_TRANSITION: z.object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  /** Signatures do not match the signers of the message, or one is missing. */
  PENDING_TRANSACTION_SIGNATURES_INVALID: z.object({ id: z.string(), reason: z.string() }),
  /** Removing the record would lose a signed transaction that may still land. */
  PENDING_TRANSACTION_NOT_REMOVABLE: z.object({ id: z.string(), status: z.string() }),
  /** A status update names an audit entry that is not a signature request in this log. */
  AUDIT_ENTRY_NOT_FOUND: z.object({ seq: z.number() }),
};

export const storeErrorText = {
  STORE_WRITE_FAILED: {
    title: 'Could not save data to disk',
    nextStep: 'Check that the disk has free space and the app may write to its data folder.',
  },
  STORE_READ_FAILED: {
    title: 'Could not read saved data',
    nextStep: 'Check the permissions of the app data folder, then restart the app.',
  },
  STORE_INVALID_RECORD: {
    title: 'The app tried to save data in an invalid form',
    nextStep: 'Nothing was saved. Try again; if it happens again, report it with the log.',
  },
  STORE_NOT_OPEN: {
    title: 'Saved data is not loaded yet',
    nextStep: 'Wait a moment and try again. Restart the app if this persists.',
  },
  STORE_LOCKED: {
    title: 'Another copy of the app is using the same data folder',
    nextStep: 'Close the other copy of the app, then start this one again.',
  },
  PENDING_TRANSACTION_NOT_FOUND: {
    title: 'The pending transaction was not found',
    nextStep: 'Refresh the list of pending transactions.',
  },
  PENDING_TRANSACTION_INVALID_TRANSITION: {
    title: 'The transaction cannot move to that status',
    nextStep: 'Refresh the list of pending transactions and check its current status.',
  },
  PENDING_TRANSACTION_SIGNATURES_INVALID: {
    title: 'The signatures do not match the transaction',
    nextStep: 'Sign the transaction again on the Ledger.',
  },
  PENDING_TRANSACTION_NOT_REMOVABLE: {
    title: 'A signed transaction that may still land cannot be removed',
    nextStep: 'Wait until it is finalized or expires, or mark it as discarded first.',
  },
  AUDIT_ENTRY_NOT_FOUND: {
    title: 'The audit log has no such signature request',
    nextStep: 'Nothing was written. Report this with the log if it happens again.',
  },
} as const;
