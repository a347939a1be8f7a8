// Entry of the device panel's page script, bundled by esbuild when the demo starts.
import type { ControlName, PanelState } from '../protocol';
import { createChainSection } from './chain-section';
import { createDeviceSection, type Section } from './device-section';
import { element } from './dom';
import { PanelClient, type ConnectionStatus } from './panel-client';
import { createRequestSection } from './request-section';
import { createSettingsSection } from './settings-section';

const connectionText: Record<ConnectionStatus, string> = {
  connecting: 'Connecting to the device…',
  connected: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
};

function start(): void {
  const root = document.getElementById('panel');
  if (root === null) {
    return;
  }
  const token = new URL(window.location.href).searchParams.get('token') ?? '';
  const connection = element('p', { role: 'status', 'aria-label': 'Connection' });
  const alert = element('p', { role: 'alert', class: 'error' });

  const client = new PanelClient(token, {
    onState: (state) => render(state),
    onConnection: (status) => {
      connection.textContent = connectionText[status];
    },
    onControlError: (message) => {
      alert.textContent = message ?? '';
    },
  });
  const send = (name: ControlName, body?: Record<string, unknown>) => {
    void client.send(name, body);
  };
  const showError = (message: string) => {
    alert.textContent = message;
  };

  const sections: Section[] = [
    createDeviceSection(send),
    createRequestSection(send),
    createSettingsSection(send),
    createChainSection(send, showError),
  ];
  function render(state: PanelState): void {
    for (const section of sections) {
      section.render(state);
    }
  }

  root.replaceChildren(
    element('h1', { id: 'panel-heading' }, ['Emulated Ledger']),
    connection,
    alert,
    ...sections.map((section) => section.element),
  );
  client.connect();
}

start();
