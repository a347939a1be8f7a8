import type { SolanaAppSettings } from '../../ledger-emulator';
import { offeredAppVersions, type PanelState } from '../protocol';
import type { Section, SendControl } from './device-section';
import { element, labelled, option, region, statusLine } from './dom';

type BooleanSetting = 'blindSigning' | 'expertMode';

/**
 * Settings of the Solana app. Each control shows what the device reports, not what was
 * clicked: a checkbox does not toggle on its own but waits for the device's new state.
 */
export function createSettingsSection(send: SendControl): Section {
  let settings: SolanaAppSettings | null = null;
  const blindSigning = settingCheckbox('blindSigning');
  const expertMode = settingCheckbox('expertMode');
  const version = element('select');
  version.append(...offeredAppVersions.map((text) => option(text)));
  const pubkeyDisplay = element('select');
  pubkeyDisplay.append(option('long', 'Long'), option('short', 'Short'));
  const reply = statusLine('Configuration reply');

  version.addEventListener('change', () => send('settings', { version: version.value }));
  pubkeyDisplay.addEventListener('change', () =>
    send('settings', { pubkeyDisplay: pubkeyDisplay.value }),
  );

  function settingCheckbox(key: BooleanSetting): HTMLInputElement {
    const box = element('input', { type: 'checkbox' });
    box.addEventListener('click', (event) => {
      event.preventDefault();
      if (settings !== null) {
        send('settings', { [key]: !settings[key] });
      }
    });
    return box;
  }

  const section = region('settings', 'Solana app settings', [
    labelled('Blind signing', blindSigning),
    labelled('Expert mode', expertMode),
    labelled('App version', version),
    labelled('Public key display', pubkeyDisplay),
    element('p', { class: 'hint' }, [
      'The host reads these through the app configuration request, except expert mode:',
    ]),
    reply,
  ]);

  return {
    element: section,
    render(state: PanelState) {
      const current = state.settings;
      settings = current;
      blindSigning.checked = current.blindSigning;
      expertMode.checked = current.expertMode;
      // A version set through the API may be one the list does not offer yet.
      if (!Array.from(version.options).some((item) => item.value === current.version)) {
        version.append(option(current.version));
      }
      version.value = current.version;
      pubkeyDisplay.value = current.pubkeyDisplay;
      reply.textContent = describeConfiguration(current);
    },
  };
}

/** What `E0 04` returns for these settings, in words. */
function describeConfiguration(settings: SolanaAppSettings): string {
  const blind = settings.blindSigning ? 'blind signing on' : 'blind signing off';
  return `Version ${settings.version}, ${blind}, ${settings.pubkeyDisplay} public keys`;
}
