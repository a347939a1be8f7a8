// Text the panel shows for device states and requests. The Playwright page object reads the
// same functions, so a reworded label cannot silently break what the tests wait for.
import type { DeviceStatus, RequestKind, RequestOutcome } from '../ledger-emulator';
import type { ChainServing } from './protocol';

export function describeDeviceStatus(status: DeviceStatus): string {
  switch (status.kind) {
    case 'unplugged':
      return 'Unplugged';
    case 'locked':
      return 'Locked';
    case 'dashboard':
      return 'Dashboard';
    case 'app':
      return `${status.name} app ${status.version} open`;
  }
}

export function describeRequestKind(kind: RequestKind): string {
  switch (kind) {
    case 'get-address':
      return 'Address verification';
    case 'sign-transaction':
      return 'Transaction review';
    case 'sign-offchain-message':
      return 'Off-chain message review';
    case 'open-app':
      return 'Open app confirmation';
  }
}

export function describeOutcome(outcome: RequestOutcome): string {
  switch (outcome) {
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'unplugged':
      return 'cancelled by unplugging';
    case 'locked':
      return 'ended by locking the device';
  }
}

export const noRequestText = 'No request pending';

/** Shown with a request that the app cannot display in clear. */
export const blindSigningNotice = 'Blind signing required';

/** "Screen 2 of 6", counted from one as the device shows it. */
export function describeScreenPosition(index: number, count: number): string {
  return `Screen ${index + 1} of ${count}`;
}

/** Names of the buttons that stop and start the local chain's RPC service. */
export const stopChainLabel = 'Stop local chain';
export const startChainLabel = 'Start local chain';

/** Text of the local chain's serving state, which the page shows and the tests wait for. */
export function describeServing(serving: ChainServing): string {
  switch (serving) {
    case 'serving':
      return 'Local chain running: RPC requests are answered';
    case 'offline':
      return 'Local chain stopped: RPC connections are reset, as for an unreachable node';
    case 'httpError':
      return 'Local chain failing: RPC requests get an HTTP error';
  }
}
