import { describeDeviceStatus } from '../labels';
import type { ControlName, PanelState } from '../protocol';
import { button, element, labelled, option, region, statusLine } from './dom';

export type SendControl = (name: ControlName, body?: Record<string, unknown>) => void;

export interface Section {
  readonly element: HTMLElement;
  render(state: PanelState): void;
}

/** Creates the device section: its status, cable, lock and open app. */
export function createDeviceSection(send: SendControl): Section {
  const status = statusLine('Device status');
  const unplug = button('Unplug', () => send('unplug'));
  const plug = button('Plug in', () => send('plug'));
  const lock = button('Lock', () => send('lock'));
  const unlock = button('Unlock', () => send('unlock'));
  const openSolana = button('Open Solana', () => send('open-app', { name: 'Solana' }));
  const otherApp = element('select');
  const openOther = button('Open app', () => send('open-app', { name: otherApp.value }));
  const quit = button('Quit to dashboard', () => send('quit-app'));
  let appNames = '';

  const section = region('device', 'Device', [
    status,
    element('div', { role: 'group', 'aria-label': 'Cable and lock' }, [unplug, plug, lock, unlock]),
    element('div', { role: 'group', 'aria-label': 'Apps' }, [
      openSolana,
      labelled('Other app', otherApp),
      openOther,
      quit,
    ]),
  ]);

  return {
    element: section,
    render(state) {
      const { device, request } = state;
      const plugged = device.kind !== 'unplugged';
      const unlocked = plugged && device.kind !== 'locked';
      const idle = unlocked && request === null;

      status.textContent = describeDeviceStatus(device);
      unplug.disabled = !plugged;
      plug.disabled = plugged;
      lock.disabled = !unlocked;
      unlock.disabled = device.kind !== 'locked';
      openSolana.disabled = !idle;
      otherApp.disabled = !idle;
      openOther.disabled = !idle;
      quit.disabled = !idle || device.kind !== 'app';

      // Rebuild the options only when the list changes, so an open menu is not reset.
      if (state.otherApps.join('\n') !== appNames) {
        appNames = state.otherApps.join('\n');
        otherApp.replaceChildren(...state.otherApps.map((name) => option(name)));
      }
    },
  };
}
