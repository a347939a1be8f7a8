import type { StakeDraft } from '../../../shared/contract/stake';
import type { ReviewModel } from '../../../shared/domain/stake';
import type { StoredAccount } from '../../../shared/domain/store';
import { WalletError } from '../../../shared/errors';
import type { LatestBlockhash } from './flow-rpc';
import type { FlowRequest } from './operation-plan';

/** Stage of a draft. Only `prepared` may be signed, and only `signed` may be sent again. */
export type DraftStage =
  | 'prepared'
  | 'signing'
  | 'signed'
  | 'sent'
  | 'confirmed'
  | 'finalized'
  | 'expired'
  | 'failed'
  | 'cancelled';

/** A prepared transaction and everything that happened to it since. */
export interface DraftRecord {
  readonly view: StakeDraft;
  readonly signer: StoredAccount;
  readonly messageBytes: Uint8Array;
  readonly review: ReviewModel;
  readonly lifetime: LatestBlockhash;
  readonly rebuildRequest: FlowRequest;
  stage: DraftStage;
  /** Verified signature of the Ledger key, once the device signed. */
  signature: Uint8Array | null;
  signatureText: string | null;
  /** Id of the record in the store's pending transactions, once signed. */
  pendingId: string | null;
  /** Sequence number of the audit line of the signature request. */
  auditSeq: number | null;
  slot: number | null;
  /** Aborts the device request while the stage is `signing`. */
  controller: AbortController | null;
  /** The draft built from this one after it expired. */
  rebuiltAs: string | null;
}

/** Drafts kept at most; the oldest settled ones are dropped first. */
const MAX_DRAFTS = 200;

/** Stages after which a draft can never change the chain again. */
const settledStages: ReadonlySet<DraftStage> = new Set(['finalized', 'failed', 'cancelled']);

/**
 * Keeps the drafts of this run in memory, in creation order. A signed transaction is also
 * in the store's pending records, so dropping an old draft loses nothing.
 */
export class DraftRegistry {
  private readonly drafts = new Map<string, DraftRecord>();

  add(record: DraftRecord): void {
    this.drafts.set(record.view.draftId, record);
    this.dropOldSettled();
  }

  /** @throws WalletError STAKE_DRAFT_NOT_FOUND */
  get(draftId: string): DraftRecord {
    const record = this.drafts.get(draftId);
    if (record === undefined) {
      throw new WalletError('STAKE_DRAFT_NOT_FOUND', { draftId });
    }
    return record;
  }

  /**
   * Addresses that drafts not yet settled are about to create, so a new draft does not pick
   * the same seed.
   */
  reservedAddresses(): Set<string> {
    const reserved = new Set<string>();
    for (const record of this.drafts.values()) {
      // A draft that expired unsigned can never land, so its addresses are free again.
      const expiredUnsigned = record.stage === 'expired' && record.signature === null;
      if (!settledStages.has(record.stage) && !expiredUnsigned) {
        for (const address of record.view.newStakeAccounts) {
          reserved.add(address);
        }
      }
    }
    return reserved;
  }

  private dropOldSettled(): void {
    for (const [draftId, record] of this.drafts) {
      if (this.drafts.size <= MAX_DRAFTS) {
        return;
      }
      if (settledStages.has(record.stage)) {
        this.drafts.delete(draftId);
      }
    }
  }
}
