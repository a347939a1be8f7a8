import type { AppLine, DeviceScreen } from '../../../shared/domain/stake';
import { formatSol } from '../amount';

export type PubkeyDisplay = 'long' | 'short';

export interface ScreenContext {
  line: AppLine;
  /** The key the device signs with; authorities equal to it are hidden outside expert mode. */
  signer: string;
  pubkeyDisplay: PubkeyDisplay;
}

const SHORT_PUBKEY_CHARS = 7;

/**
 * Collects review items in the device's order: the primary item, general items in insertion
 * order, the nonce items, then the fee payer. Mirrors the app's transaction summary so that
 * renderers can add items in the same order the app's printers do.
 */
export class ScreenCollector {
  private primary: DeviceScreen | null = null;
  private readonly general: DeviceScreen[] = [];
  private readonly nonce: DeviceScreen[] = [];
  private feePayer: DeviceScreen | null = null;

  constructor(readonly context: ScreenContext) {}

  setPrimary(title: string, value: string): void {
    this.primary = { title, value, expertOnly: false };
  }

  add(title: string, value: string, expertOnly = false): void {
    this.general.push({ title, value, expertOnly });
  }

  /** Adds an item at the front of the general items, where v1.9 shows "Max fees". */
  addFirst(title: string, value: string): void {
    this.general.unshift({ title, value, expertOnly: false });
  }

  /** Adds an authority item: always shown when it differs from the signer, else expert-only. */
  addAuthority(title: string, address: string): void {
    this.add(title, this.pubkey(address), address === this.context.signer);
  }

  addNonce(nonceAccount: string, authority: string): void {
    this.nonce.push({ title: 'Nonce account', value: this.pubkey(nonceAccount), expertOnly: true });
    this.nonce.push({ title: 'Nonce authority', value: this.pubkey(authority), expertOnly: true });
  }

  setFeePayer(address: string): void {
    this.feePayer = {
      title: 'Fee payer',
      value: this.pubkey(address),
      expertOnly: address === this.context.signer,
    };
  }

  pubkey(address: string): string {
    if (this.context.pubkeyDisplay === 'long' || address.length <= SHORT_PUBKEY_CHARS * 2 + 2) {
      return address;
    }
    return `${address.slice(0, SHORT_PUBKEY_CHARS)}..${address.slice(-SHORT_PUBKEY_CHARS)}`;
  }

  amount(lamports: string): string {
    return formatSol(BigInt(lamports));
  }

  screens(): DeviceScreen[] {
    return [
      ...(this.primary === null ? [] : [this.primary]),
      ...this.general,
      ...this.nonce,
      ...(this.feePayer === null ? [] : [this.feePayer]),
    ];
  }
}
