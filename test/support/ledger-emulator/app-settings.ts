import type { PubkeyDisplay } from './review/format';

/** Settings of the emulated Solana app; expert mode is not visible to the host. */
export interface SolanaAppSettings {
  readonly blindSigning: boolean;
  readonly pubkeyDisplay: PubkeyDisplay;
  readonly expertMode: boolean;
  /** Version as `B0 01` reports it, for example "1.9.0", "1.16.0" or "2022.0.1". */
  readonly version: string;
  /**
   * Stax and Flex builds with transaction checks append `[optIn, enabled]` to the
   * configuration reply (7 bytes). `null` gives the 5-byte reply of other builds.
   */
  readonly transactionCheck: { readonly optIn: boolean; readonly enabled: boolean } | null;
}

/** Settings after a fresh install, with the last release of the 1.9 line. */
export const DEFAULT_SOLANA_SETTINGS: SolanaAppSettings = {
  blindSigning: false,
  pubkeyDisplay: 'long',
  expertMode: false,
  version: '1.9.0',
  transactionCheck: null,
};
