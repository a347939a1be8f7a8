import { type PublicKey } from '@solana/web3.js';

/**
 * Every account address the local chain has seen: genesis accounts, seeded accounts,
 * transaction account keys and funded addresses. solana-bankrun cannot scan accounts, so
 * getProgramAccounts and reward tracking walk this index instead.
 */
export class AccountIndex {
  private readonly keys = new Map<string, PublicKey>();

  add(key: PublicKey): void {
    const address = key.toBase58();
    if (!this.keys.has(address)) {
      this.keys.set(address, key);
    }
  }

  addAll(keys: Iterable<PublicKey>): void {
    for (const key of keys) {
      this.add(key);
    }
  }

  has(key: PublicKey): boolean {
    return this.keys.has(key.toBase58());
  }

  get size(): number {
    return this.keys.size;
  }

  all(): PublicKey[] {
    return [...this.keys.values()];
  }
}
