import type { DeviceState, LedgerOperation } from '../../../../shared/domain/ledger';
import { errorText, type ErrorCode } from '../../../../shared/errors';
import { useDevice } from '../../stores/device';

type Tone = 'ok' | 'warning' | 'danger' | 'neutral';

interface StatusLine {
  text: string;
  tone: Tone;
  /** Next step of the person, for states that keep the app from using the Ledger. */
  nextStep?: string;
}

const operationLabels: Record<LedgerOperation, string> = {
  'read-state': 'reading its state',
  'get-address': 'reading an address',
  'verify-address': 'showing an address',
  'discover-accounts': 'searching for accounts',
  'sign-message': 'signing a transaction',
};

function problem(text: string, tone: Tone, code: ErrorCode): StatusLine {
  return { text, tone, nextStep: errorText[code].nextStep };
}

/** Describes a device state in a few words, with the next step for each problem state. */
export function describeDeviceState(state: DeviceState | undefined): StatusLine {
  if (state === undefined) {
    return { text: 'Checking for a Ledger…', tone: 'neutral' };
  }
  switch (state.status) {
    case 'no-device':
      return problem('No Ledger connected', 'danger', 'LEDGER_NOT_CONNECTED');
    case 'locked':
      return problem('Ledger locked', 'warning', 'LEDGER_LOCKED');
    case 'dashboard':
      return problem('Ledger on the dashboard', 'warning', 'LEDGER_APP_NOT_OPEN');
    case 'other-app':
      return problem(`${state.name} app open on the Ledger`, 'warning', 'LEDGER_WRONG_APP');
    case 'solana-app':
      return {
        text: `Solana app ${state.version}, blind signing ${state.blindSigningEnabled ? 'on' : 'off'}`,
        tone: 'ok',
      };
    case 'busy':
      return { text: `Ledger busy: ${operationLabels[state.operation]}`, tone: 'neutral' };
    case 'awaiting-person':
      return {
        text: `Waiting for you on the Ledger: ${operationLabels[state.operation]}`,
        tone: 'warning',
      };
  }
}

/** Renders the Ledger part of the status bar. */
export function DeviceStatus() {
  const state = useDevice((store) => store.state);
  const line = describeDeviceState(state);

  return (
    <span className="status-item device-status" role="status" aria-label="Ledger">
      <span className="status-dot" data-tone={line.tone} aria-hidden="true" />
      <span data-testid="device-status-text">{line.text}</span>
      {line.nextStep !== undefined && <span className="device-next-step">{line.nextStep}</span>}
    </span>
  );
}
