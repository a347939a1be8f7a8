import { describe, expect, it } from 'vitest';
import {
  DeviceBusyError,
  DeviceUnpluggedError,
  LedgerEmulator,
  toHex,
  type EmulatorEvent,
} from '../../support/ledger-emulator';
import { apdu, pathBytes, statusOf } from './apdu-helpers';

const GET_APP_AND_VERSION = Uint8Array.from([0xb0, 0x01, 0, 0, 0]);
const GET_CONFIGURATION = apdu(0x04, 0, 0);
const openApp = (name: string) => apdu(0xd8, 0, 0, [...new TextEncoder().encode(name)]);
const showAddress = () => apdu(0x05, 1, 0, pathBytes("44'/501'/0'"));

function appName(response: Uint8Array): string {
  const length = response[1] ?? 0;
  return new TextDecoder().decode(response.slice(2, 2 + length));
}

describe('locked device', () => {
  it('answers everything with 0x5515', async () => {
    const emulator = new LedgerEmulator({ initialStatus: 'locked' });

    expect(await statusOf(emulator, GET_CONFIGURATION)).toBe(0x5515);
    expect(await statusOf(emulator, GET_APP_AND_VERSION)).toBe(0x5515);
  });

  it('returns to the open app when unlocked', () => {
    const emulator = new LedgerEmulator();
    emulator.lock();
    emulator.unlock();

    expect(emulator.status).toEqual({ kind: 'app', name: 'Solana', version: '1.9.0' });
  });
});

describe('dashboard', () => {
  it('reports BOLOS and refuses Solana instructions with 0x6E00', async () => {
    const emulator = new LedgerEmulator({ initialStatus: 'dashboard' });

    const name = appName(await emulator.exchange(GET_APP_AND_VERSION));
    const config = await statusOf(emulator, GET_CONFIGURATION);

    expect(name).toBe('BOLOS');
    expect(config).toBe(0x6e00);
  });

  it('opens the Solana app once the person agrees', async () => {
    const emulator = new LedgerEmulator({
      initialStatus: 'dashboard',
      person: { kind: 'approve' },
    });

    const opened = await statusOf(emulator, openApp('Solana'));
    const name = appName(await emulator.exchange(GET_APP_AND_VERSION));

    expect(opened).toBe(0x9000);
    expect(name).toBe('Solana');
  });

  it('reports a refused open with 0x5501 and a missing app with 0x6807', async () => {
    const emulator = new LedgerEmulator({ initialStatus: 'dashboard', person: { kind: 'reject' } });

    expect(await statusOf(emulator, openApp('Solana'))).toBe(0x5501);
    expect(await statusOf(emulator, openApp('Cardano'))).toBe(0x6807);
    expect(emulator.status).toEqual({ kind: 'dashboard' });
  });
});

describe('another app open', () => {
  it('reports its name and refuses Solana instructions', async () => {
    const emulator = new LedgerEmulator();
    emulator.openApp('Ethereum');

    const name = appName(await emulator.exchange(GET_APP_AND_VERSION));

    expect(name).toBe('Ethereum');
    expect(await statusOf(emulator, GET_CONFIGURATION)).toBe(0x6d00);
    expect(await statusOf(emulator, Uint8Array.from([0xe1, 0x04, 0, 0, 0]))).toBe(0x6e00);
  });

  it('quits to the dashboard on B0 A7', async () => {
    const emulator = new LedgerEmulator();

    expect(await statusOf(emulator, Uint8Array.from([0xb0, 0xa7, 0, 0, 0]))).toBe(0x9000);
    expect(emulator.status).toEqual({ kind: 'dashboard' });
  });
});

describe('Solana app identity', () => {
  it('reports name and version through B0 01', async () => {
    const emulator = new LedgerEmulator({ settings: { version: '1.16.0' } });

    const response = await emulator.exchange(GET_APP_AND_VERSION);

    expect(toHex(response)).toBe(
      `0106${toHex(new TextEncoder().encode('Solana'))}06${toHex(new TextEncoder().encode('1.16.0'))}01029000`,
    );
  });
});

describe('unplugging', () => {
  it('fails an exchange while unplugged', async () => {
    const emulator = new LedgerEmulator();
    emulator.unplug();

    await expect(emulator.exchange(GET_CONFIGURATION)).rejects.toMatchObject({
      name: 'DeviceUnpluggedError',
      phase: 'before-exchange',
    });
  });

  it('fails a pending request when the cable is pulled at a given screen', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'unplug', atScreen: 1 } });
    const screens: number[] = [];
    emulator.subscribe((event) => {
      if (event.type === 'screen-changed') {
        screens.push(event.request.screenIndex);
      }
    });

    const result = emulator.exchange(showAddress());

    await expect(result).rejects.toBeInstanceOf(DeviceUnpluggedError);
    await expect(result).rejects.toMatchObject({ phase: 'during-exchange' });
    expect(screens).toEqual([1]);
  });

  it('powers up locked on the dashboard when plugged back', () => {
    const emulator = new LedgerEmulator();
    emulator.unplug();
    emulator.plug();

    expect(emulator.status).toEqual({ kind: 'locked' });
    emulator.unlock();
    expect(emulator.status).toEqual({ kind: 'dashboard' });
  });
});

describe('person and pending requests', () => {
  it('exposes the pending request and its screens', async () => {
    const emulator = new LedgerEmulator();

    const pending = emulator.exchange(showAddress());
    const request = emulator.currentRequest;
    emulator.next();
    const afterNext = emulator.currentRequest;
    emulator.approve();
    const response = await pending;

    expect(request?.kind).toBe('get-address');
    expect(request?.screens).toEqual([
      { kind: 'field', title: 'Pubkey', value: '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH' },
      { kind: 'approve', title: 'Approve' },
      { kind: 'reject', title: 'Reject' },
    ]);
    expect(request?.screenIndex).toBe(0);
    expect(afterNext?.screenIndex).toBe(1);
    expect(emulator.currentRequest).toBeNull();
    expect(toHex(response)).toBe(`${toHex(emulator.publicKey("44'/501'/0'"))}9000`);
  });

  it('answers a rejection with 0x6985', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'review-and-reject' } });

    expect(await statusOf(emulator, showAddress())).toBe(0x6985);
  });

  it('plays scripted actions in order, then the default', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'reject' } });
    emulator.person.enqueue({ kind: 'approve' }, { kind: 'review-and-approve' });

    const statuses = [
      await statusOf(emulator, showAddress()),
      await statusOf(emulator, showAddress()),
      await statusOf(emulator, showAddress()),
    ];

    expect(statuses).toEqual([0x9000, 0x9000, 0x6985]);
  });

  it('emits request, screen and settle events', async () => {
    const emulator = new LedgerEmulator({ person: { kind: 'review-and-approve' } });
    const events: EmulatorEvent['type'][] = [];
    emulator.subscribe((event) => events.push(event.type));

    await emulator.exchange(showAddress());

    expect(events).toEqual(['request-started', 'screen-changed', 'request-settled']);
  });

  it('refuses a second exchange while a request waits', async () => {
    const emulator = new LedgerEmulator();
    const pending = emulator.exchange(showAddress());

    await expect(emulator.exchange(GET_CONFIGURATION)).rejects.toBeInstanceOf(DeviceBusyError);
    emulator.reject();
    await pending;
  });

  it('emits settings changes', () => {
    const emulator = new LedgerEmulator();
    const events: EmulatorEvent[] = [];
    emulator.subscribe((event) => events.push(event));

    emulator.setSettings({ blindSigning: true });

    expect(events[0]).toMatchObject({ type: 'settings-changed', settings: { blindSigning: true } });
  });
});
