import { z } from 'zod';

/** A Solana address in base58: 32 bytes encode to 32–44 characters. */
export const base58AddressSchema = z
  .string()
  .regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/, 'Expected a base58 Solana address');

/**
 * A derivation path under 44'/501', written without the `m/` prefix (hw-app-solana
 * rejects `m`). Every element is hardened because Ed25519 SLIP-0010 has no
 * unhardened children, and the Solana app accepts at most 5 elements.
 */
export const derivationPathSchema = z
  .string()
  .regex(
    /^44'\/501'(\/\d{1,10}'){0,3}$/,
    "Expected a hardened path under 44'/501' with at most five elements",
  )
  .refine(
    (path) => path.split('/').every((element) => Number.parseInt(element, 10) < 0x8000_0000),
    'Each path element must be below 2^31 before hardening',
  );
export type DerivationPath = z.infer<typeof derivationPathSchema>;

/**
 * The three layouts Solana wallets use:
 * - `root`: 44'/501', a single account (Ledger Live "solanaMain", Solana CLI `usb://ledger`);
 * - `bip44`: 44'/501'/n' (Ledger Live "solanaSub", Solana CLI `?key=n`);
 * - `bip44-change`: 44'/501'/n'/0' (Phantom's default, Ledger Live "solanaBip44Change").
 */
export const derivationSchemeSchema = z.enum(['root', 'bip44', 'bip44-change']);
export type DerivationScheme = z.infer<typeof derivationSchemeSchema>;

export const ledgerAccountSchema = z.object({
  address: base58AddressSchema,
  path: derivationPathSchema,
  scheme: derivationSchemeSchema,
  /** Account index n in the scheme's path; always 0 for `root`. */
  index: z.number().int().nonnegative(),
});
export type LedgerAccount = z.infer<typeof ledgerAccountSchema>;

/** Work the service does with the device, named in busy states, progress and errors. */
export const ledgerOperationSchema = z.enum([
  'read-state',
  'get-address',
  'verify-address',
  'discover-accounts',
  'sign-message',
]);
export type LedgerOperation = z.infer<typeof ledgerOperationSchema>;

/** Public-key format on the Solana app's screens, or `unknown` when the app did not report it. */
export const pubkeyDisplaySchema = z.enum(['long', 'short', 'unknown']);
export type PubkeyDisplay = z.infer<typeof pubkeyDisplaySchema>;

export const deviceStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no-device') }),
  z.object({ status: z.literal('locked') }),
  z.object({ status: z.literal('dashboard') }),
  z.object({
    status: z.literal('other-app'),
    name: z.string(),
  }),
  z.object({
    status: z.literal('solana-app'),
    /** Version from the app's configuration reply (M.m.p), which keys its screen layout. */
    version: z.string(),
    blindSigningEnabled: z.boolean(),
    pubkeyDisplay: pubkeyDisplaySchema,
  }),
  z.object({ status: z.literal('busy'), operation: ledgerOperationSchema }),
  z.object({ status: z.literal('awaiting-person'), operation: ledgerOperationSchema }),
]);
export type DeviceState = z.infer<typeof deviceStateSchema>;
export type DeviceStatus = DeviceState['status'];

/** A state change of one attached device, keyed by the service's own device id. */
export const deviceStateChangeSchema = z.object({
  deviceId: z.string(),
  state: deviceStateSchema,
  previous: deviceStateSchema,
});
export type DeviceStateChange = z.infer<typeof deviceStateChangeSchema>;

export const discoveryProgressSchema = z.object({
  scheme: derivationSchemeSchema,
  index: z.number().int().nonnegative(),
  path: derivationPathSchema,
  address: base58AddressSchema,
  used: z.boolean(),
  /** Unused accounts in a row in this scheme, including this one. */
  consecutiveUnused: z.number().int().nonnegative(),
  accountsChecked: z.number().int().nonnegative(),
  accountsFound: z.number().int().nonnegative(),
});
export type DiscoveryProgress = z.infer<typeof discoveryProgressSchema>;

const signingStepBase = {
  path: derivationPathSchema,
  signer: base58AddressSchema,
};

export const signingProgressSchema = z.discriminatedUnion('stage', [
  /** The request is queued for the device. */
  z.object({ stage: z.literal('requested'), ...signingStepBase }),
  /** The device shows the transaction and waits for the person to approve or reject it. */
  z.object({ stage: z.literal('awaiting-person'), ...signingStepBase }),
  /** The device returned a signature and it verified against the signer's key. */
  z.object({ stage: z.literal('signed'), ...signingStepBase, signature: z.string() }),
]);
export type SigningProgress = z.infer<typeof signingProgressSchema>;
export type SigningStage = SigningProgress['stage'];

/** One screen the device shows during a review, such as "Delegate from" and a stake account. */
export const deviceScreenSchema = z.object({
  title: z.string(),
  value: z.string(),
});
export type DeviceScreen = z.infer<typeof deviceScreenSchema>;
