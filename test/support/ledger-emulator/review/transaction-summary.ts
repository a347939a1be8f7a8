import {
  formatLamports,
  formatPubkey,
  formatSeed,
  formatTimestamp,
  type PubkeyDisplay,
} from './format';

/** A value on a review screen, formatted only when the screens are rendered. */
export type SummaryValue =
  | { readonly kind: 'amount'; readonly lamports: bigint }
  | { readonly kind: 'pubkey'; readonly key: string }
  | { readonly kind: 'u64'; readonly value: bigint }
  | { readonly kind: 'timestamp'; readonly seconds: bigint }
  | { readonly kind: 'seed'; readonly seed: Uint8Array }
  | { readonly kind: 'text'; readonly text: string }
  /** Base58 hashes are always printed in full, whatever the pubkey display setting. */
  | { readonly kind: 'hash'; readonly base58: string };

export interface SummaryItem {
  readonly title: string;
  readonly value: SummaryValue;
}

/** A title and its formatted value, one review screen of the device. */
export interface ReviewField {
  readonly title: string;
  readonly value: string;
}

export const amount = (lamports: bigint): SummaryValue => ({ kind: 'amount', lamports });
export const pubkey = (key: string): SummaryValue => ({ kind: 'pubkey', key });
export const u64 = (value: bigint): SummaryValue => ({ kind: 'u64', value });
export const timestamp = (seconds: bigint): SummaryValue => ({ kind: 'timestamp', seconds });
export const seedText = (seed: Uint8Array): SummaryValue => ({ kind: 'seed', seed });
export const text = (value: string): SummaryValue => ({ kind: 'text', text: value });

function formatValue(value: SummaryValue, display: PubkeyDisplay): string {
  switch (value.kind) {
    case 'amount':
      return formatLamports(value.lamports);
    case 'pubkey':
      return formatPubkey(value.key, display);
    case 'u64':
      return value.value.toString();
    case 'timestamp':
      return formatTimestamp(value.seconds);
    case 'seed':
      return formatSeed(value.seed);
    case 'text':
      return value.text;
    case 'hash':
      return value.base58;
  }
}

/**
 * The app's transaction summary: one primary item, general items in insertion order, then the
 * nonce account, nonce authority and fee payer, in that order on screen.
 */
export class TransactionSummary {
  private primary: SummaryItem | null = null;
  private readonly general: SummaryItem[] = [];
  private nonceAccount: SummaryItem | null = null;
  private nonceAuthority: SummaryItem | null = null;
  private feePayer: SummaryItem | null = null;

  get hasPrimary(): boolean {
    return this.primary !== null;
  }

  setPrimary(title: string, value: SummaryValue): void {
    if (this.primary) {
      throw new Error(`Primary item already set to "${this.primary.title}"`);
    }
    this.primary = { title, value };
  }

  addGeneral(title: string, value: SummaryValue): void {
    this.general.push({ title, value });
  }

  setNonce(account: string, authority: string): void {
    this.nonceAccount = { title: 'Nonce account', value: pubkey(account) };
    this.nonceAuthority = { title: 'Nonce authority', value: pubkey(authority) };
  }

  setFeePayer(key: string): void {
    this.feePayer = { title: 'Fee payer', value: pubkey(key) };
  }

  render(display: PubkeyDisplay): ReviewField[] {
    const items = [
      this.primary,
      ...this.general,
      this.nonceAccount,
      this.nonceAuthority,
      this.feePayer,
    ].filter((item): item is SummaryItem => item !== null);

    return items.map((item) => ({ title: item.title, value: formatValue(item.value, display) }));
  }
}
