import type { SolanaAppSettings } from './app-settings';
import type { RequestKind, Screen } from './confirmation';

/** What the device shows, as far as a host can tell it apart. */
export type DeviceStatus =
  | { readonly kind: 'unplugged' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'app'; readonly name: string; readonly version: string };

/** A request waiting for the person, as a device panel shows it. */
export interface ConfirmationRequest {
  readonly id: number;
  readonly kind: RequestKind;
  readonly screens: readonly Screen[];
  readonly screenIndex: number;
  readonly blindSigning: boolean;
}

export type RequestOutcome = 'approved' | 'rejected' | 'unplugged' | 'locked';

export type EmulatorEvent =
  | { readonly type: 'status-changed'; readonly status: DeviceStatus }
  | { readonly type: 'settings-changed'; readonly settings: SolanaAppSettings }
  | { readonly type: 'request-started'; readonly request: ConfirmationRequest }
  | { readonly type: 'screen-changed'; readonly request: ConfirmationRequest }
  | {
      readonly type: 'request-settled';
      readonly request: ConfirmationRequest;
      readonly outcome: RequestOutcome;
    };

/** A fault applied to every signature the device returns, to test the host's checks. */
export type SignatureFault = 'flip-bit' | 'zeros';

/** Raised by `exchange` when the cable is out, or is pulled while a request is pending. */
export class DeviceUnpluggedError extends Error {
  override readonly name = 'DeviceUnpluggedError';

  constructor(readonly phase: 'before-exchange' | 'during-exchange') {
    super(
      phase === 'before-exchange'
        ? 'The emulated device is unplugged'
        : 'The emulated device was unplugged while a request was pending',
    );
  }
}

/** Raised by `exchange` while an earlier request still waits for the person. */
export class DeviceBusyError extends Error {
  override readonly name = 'DeviceBusyError';
}
