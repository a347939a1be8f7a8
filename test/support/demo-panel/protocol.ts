// Types and paths shared by the panel's server routes and its page script. Type-only imports
// keep the page bundle free of the emulator's code.
import type {
  ConfirmationRequest,
  DeviceStatus,
  RequestKind,
  RequestOutcome,
  SolanaAppSettings,
} from '../ledger-emulator';

export const panelPath = '/device';
export const panelScriptPath = '/device/panel.js';
export const panelStylePath = '/device/panel.css';
export const panelEventsPath = '/device/events';
export const panelControlPrefix = '/device/control/';

/** Name of the server-sent event that carries a full `PanelState`. */
export const stateEventName = 'state';

/** Solana app versions the panel offers: 1.9.0 of the 1.9 line and 1.16.0 of the newer line. */
export const offeredAppVersions = ['1.9.0', '1.16.0'] as const;

/** A key of the emulated device, offered as the default address to fund. */
export interface DeviceAccount {
  readonly path: string;
  readonly address: string;
}

export interface SettledRequest {
  readonly id: number;
  readonly kind: RequestKind;
  readonly outcome: RequestOutcome;
}

/** Position of the local chain, or why the panel has none to show. */
export type ChainView =
  | { readonly kind: 'absent' }
  | { readonly kind: 'loading'; readonly url: string }
  | {
      readonly kind: 'ready';
      readonly url: string;
      readonly epoch: number;
      readonly slotIndex: number;
      readonly slotsInEpoch: number;
      readonly absoluteSlot: number;
      /** Serving mode of the local node, read from its `/control/state` route. */
      readonly serving: ChainServing;
      /** Address and signature of the last faucet transfer made from the panel, if any. */
      readonly lastFunding: { readonly address: string; readonly signature: string } | null;
    }
  | { readonly kind: 'failed'; readonly url: string; readonly message: string };

/**
 * How the local node treats RPC requests: it processes them, resets every connection as an
 * unreachable node would, or fails them with an HTTP error status.
 */
export type ChainServing = 'serving' | 'offline' | 'httpError';

/** Everything the panel shows; the server sends a fresh copy after every change. */
export interface PanelState {
  /** Grows by one with every change, so a client can tell a newer state from an older one. */
  readonly revision: number;
  readonly device: DeviceStatus;
  readonly settings: SolanaAppSettings;
  readonly otherApps: readonly string[];
  readonly request: ConfirmationRequest | null;
  readonly lastSettled: SettledRequest | null;
  readonly accounts: readonly DeviceAccount[];
  readonly chain: ChainView;
}

/** Body of every control response. */
export type ControlReply =
  | { readonly ok: true; readonly state: PanelState }
  | { readonly ok: false; readonly error: string };

export const deviceControlNames = [
  'approve',
  'reject',
  'next',
  'previous',
  'lock',
  'unlock',
  'unplug',
  'plug',
  'open-app',
  'quit-app',
  'settings',
] as const;
export type DeviceControlName = (typeof deviceControlNames)[number];

export const chainControlNames = [
  'chain/advance-epochs',
  'chain/expire-blockhashes',
  'chain/fund',
  'chain/stop-serving',
  'chain/resume',
] as const;
export type ChainControlName = (typeof chainControlNames)[number];

export type ControlName = DeviceControlName | ChainControlName;
