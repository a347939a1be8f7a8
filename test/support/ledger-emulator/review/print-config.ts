import type { DisplayLine } from '../app-version';

/** What the printers need to know besides the instructions. */
export interface PrintConfig {
  readonly expertMode: boolean;
  /** Base58 key of the signing path. */
  readonly signer: string;
  /** Base58 key of the fee payer (the message's first account). */
  readonly feePayer: string;
  readonly displayLine: DisplayLine;
}

/**
 * Applies the app's authority-hiding rule: an authority, sender, funder, custodian or fee payer is
 * shown only when it differs from the signing key, or in expert mode.
 */
export function showAuthority(config: PrintConfig, key: string): boolean {
  return config.expertMode || key !== config.signer;
}
