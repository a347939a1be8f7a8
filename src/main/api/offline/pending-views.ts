import type { PendingActions, PendingItem } from '../../../shared/contract/offline';
import type { PendingTransaction, StoredAccount } from '../../../shared/domain/store';
import { hashMessage, isRemovable } from '../../store';

/** Returns the queue view of a pending transaction, with the actions its status allows. */
export function toPendingItem(
  record: PendingTransaction,
  accounts: readonly StoredAccount[],
): PendingItem {
  const signer = findLedgerSigner(record, accounts);
  return {
    id: record.id,
    intent: record.intent,
    cluster: record.cluster,
    status: record.status,
    lifetime: record.lifetime,
    signer: signer?.publicKey ?? null,
    signerPath: signer?.derivationPath ?? null,
    signature: record.signatures[0]?.signature ?? null,
    messageSha256: hashMessage(Buffer.from(record.messageBase64, 'base64')),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    actions: actionsOf(record, signer !== undefined),
  };
}

export function actionsOf(record: PendingTransaction, hasLedgerSigner: boolean): PendingActions {
  const kind = record.status.kind;
  return {
    sign: kind === 'unsigned' && hasLedgerSigner,
    send: kind === 'signed' || kind === 'sent',
    discard: isRemovable(kind),
    exportUnsigned: kind === 'unsigned',
    exportSigned: kind === 'signed' || kind === 'sent',
  };
}

/** Returns the saved Ledger account among the required signers that has not signed yet, else the first saved one. */
export function findLedgerSigner(
  record: PendingTransaction,
  accounts: readonly StoredAccount[],
): StoredAccount | undefined {
  const saved = new Map(accounts.map((account) => [account.publicKey, account]));
  const unsigned = record.signatures.find(
    (slot) => slot.signature === null && saved.has(slot.publicKey),
  );
  const any = record.signatures.find((slot) => saved.has(slot.publicKey));
  const chosen = unsigned ?? any;
  return chosen === undefined ? undefined : saved.get(chosen.publicKey);
}
