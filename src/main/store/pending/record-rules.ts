import type {
  PendingStatus,
  PendingTransaction,
  SignerSignature,
} from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import { canTransition } from './transitions';

/** A status change requested by a caller. The store fills in times and counters. */
export type PendingStatusChange =
  | { kind: 'sent' }
  | { kind: 'confirmed'; slot: number }
  | { kind: 'finalized'; slot: number }
  | { kind: 'failed'; reason: string }
  | { kind: 'stale'; reason: string }
  | { kind: 'expired' };

export function toStatus(
  previous: PendingStatus,
  change: PendingStatusChange,
  time: string,
): PendingStatus {
  switch (change.kind) {
    case 'sent':
      return {
        kind: 'sent',
        sentAt: time,
        sendCount: previous.kind === 'sent' ? previous.sendCount + 1 : 1,
      };
    case 'confirmed':
    case 'finalized':
    case 'failed':
    case 'stale':
    case 'expired':
      return change;
  }
}

export function assertTransition(current: PendingTransaction, to: PendingStatus['kind']): void {
  if (!canTransition(current.status.kind, to)) {
    throw new WalletError(
      'PENDING_TRANSACTION_INVALID_TRANSITION',
      { id: current.id, from: current.status.kind, to },
      `pending transaction ${current.id} cannot go from ${current.status.kind} to ${to}`,
    );
  }
}

export function assertUniqueSigners(id: string, signatures: SignerSignature[]): void {
  const keys = new Set(signatures.map((signer) => signer.publicKey));
  if (keys.size !== signatures.length) {
    throw new WalletError('PENDING_TRANSACTION_SIGNATURES_INVALID', {
      id,
      reason: 'a signer appears twice',
    });
  }
}

export function assertSignaturesMatch(
  current: PendingTransaction,
  signatures: SignerSignature[],
): void {
  const expected = current.signatures.map((signer) => signer.publicKey).join(',');
  const received = signatures.map((signer) => signer.publicKey).join(',');
  if (expected !== received) {
    throw new WalletError('PENDING_TRANSACTION_SIGNATURES_INVALID', {
      id: current.id,
      reason: `signers ${received} do not match the message signers ${expected}`,
    });
  }
  if (signatures.some((signer) => signer.signature === null)) {
    throw new WalletError('PENDING_TRANSACTION_SIGNATURES_INVALID', {
      id: current.id,
      reason: 'a required signature is missing',
    });
  }
}
