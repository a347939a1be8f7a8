import type { DeviceScreen } from '../../../../shared/domain/stake';

/**
 * Renders the screens the Ledger is predicted to show, in order, ending with the approval step.
 * Screens that only expert mode shows are marked, because the app cannot read that setting.
 */
export function DeviceScreenList({ screens, label }: { screens: DeviceScreen[]; label: string }) {
  return (
    <ol className="device-screens" aria-label={label}>
      {screens.map((screen, index) => (
        <li key={`${index}-${screen.title}`}>
          <span className="screen-step">
            Screen {index + 1} of {screens.length + 1}
          </span>
          <span className="screen-title">{screen.title}</span>
          <span className="screen-value mono">{screen.value}</span>
          {screen.expertOnly && <span className="badge">only in expert mode</span>}
        </li>
      ))}
      <li>
        <span className="screen-step">
          Screen {screens.length + 1} of {screens.length + 1}
        </span>
        <span className="screen-title">Approve</span>
        <span className="screen-value">Approve to sign, or Reject to stop.</span>
      </li>
    </ol>
  );
}
