import type { DeviceScreen } from '../../../../shared/domain/stake';

interface ExpertScreen {
  screen: DeviceScreen;
  /** Number of the always-shown screen this one follows; 0 when it comes first. */
  after: number;
}

/**
 * Renders the screens the Ledger will show, numbered as the device numbers them without
 * expert mode, ending with the Approve and Reject screens as one step. The app cannot read the expert-mode setting, so
 * screens only expert mode adds are listed apart instead of shifting the numbers.
 */
export function DeviceScreenList({ screens, label }: { screens: DeviceScreen[]; label: string }) {
  const alwaysShown: DeviceScreen[] = [];
  const expertOnly: ExpertScreen[] = [];
  for (const screen of screens) {
    if (screen.expertOnly) {
      expertOnly.push({ screen, after: alwaysShown.length });
    } else {
      alwaysShown.push(screen);
    }
  }
  const total = alwaysShown.length + 2;

  return (
    <>
      <ol className="device-screens" aria-label={label}>
        {alwaysShown.map((screen, index) => (
          <li key={`${index}-${screen.title}`}>
            <span className="screen-step">
              Screen {index + 1} of {total}
            </span>
            <span className="screen-title">{screen.title}</span>
            <span className="screen-value mono">{screen.value}</span>
          </li>
        ))}
        <li>
          <span className="screen-step">
            Screens {total - 1} and {total} of {total}
          </span>
          <span className="screen-title">Approve</span>
          <span className="screen-value">
            Approve on screen {total - 1} to sign, or Reject on screen {total} to stop.
          </span>
        </li>
      </ol>
      {expertOnly.length > 0 && (
        <>
          <p className="device-screens-note">
            Shown only in expert mode, which adds these screens and changes the numbers above:
          </p>
          <ul className="device-screens" aria-label={`${label}: shown only in expert mode`}>
            {expertOnly.map(({ screen, after }, index) => (
              <li key={`${index}-${screen.title}`} data-after={after}>
                <span className="screen-step">
                  {after === 0
                    ? 'Shown only in expert mode, before screen 1'
                    : `Shown only in expert mode, after screen ${after}`}
                </span>
                <span className="screen-title">{screen.title}</span>
                <span className="screen-value mono">{screen.value}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
