import { type PublicKey, type VersionedTransaction } from '@solana/web3.js';

import { type TransactionErrorJson } from '../codec/transactionError';

/** A transaction that landed in a block of the local chain, with its execution metadata. */
export interface TransactionRecord {
  signature: string;
  transaction: VersionedTransaction;
  /** Static keys followed by writable and readonly lookup-table keys, as in `meta`. */
  accountKeys: PublicKey[];
  loadedAddresses: { writable: PublicKey[]; readonly: PublicKey[] };
  slot: bigint;
  blockHeight: bigint;
  blockTime: bigint;
  err: TransactionErrorJson | null;
  fee: bigint;
  preBalances: bigint[];
  postBalances: bigint[];
  logMessages: string[];
  computeUnitsConsumed: bigint;
}

/** Landed transactions by signature and, newest first, by account address. */
export class TransactionLog {
  private readonly bySignature = new Map<string, TransactionRecord>();
  private readonly byAddress = new Map<string, TransactionRecord[]>();

  get count(): number {
    return this.bySignature.size;
  }

  record(entry: TransactionRecord): void {
    this.bySignature.set(entry.signature, entry);
    for (const key of entry.accountKeys) {
      const address = key.toBase58();
      const list = this.byAddress.get(address) ?? [];
      list.push(entry);
      this.byAddress.set(address, list);
    }
  }

  find(signature: string): TransactionRecord | undefined {
    return this.bySignature.get(signature);
  }

  /** Returns the transactions that touched `address`, newest first. */
  forAddress(address: string): TransactionRecord[] {
    return [...(this.byAddress.get(address) ?? [])].reverse();
  }

  all(): TransactionRecord[] {
    return [...this.bySignature.values()];
  }

  /** Returns the transactions that landed in `slot`. */
  inSlot(slot: bigint): TransactionRecord[] {
    return [...this.bySignature.values()].filter((entry) => entry.slot === slot);
  }
}
