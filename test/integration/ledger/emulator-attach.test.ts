import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startEmulatorHarness, type EmulatorHarness } from './emulator-harness';

let harness: EmulatorHarness;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  harness.stop();
  vi.useRealTimers();
});

describe('LedgerService attach and detach', () => {
  it('keeps the device through re-enumeration on app open', async () => {
    harness = startEmulatorHarness(
      { framing: 'hid', reenumerateOnAppChange: true },
      { initialStatus: 'dashboard' },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(harness.service.getState()).toEqual({ status: 'dashboard' });

    harness.emulator.openApp('Solana');
    await vi.advanceTimersByTimeAsync(0);

    expect(harness.service.getDevices()).toEqual([
      {
        deviceId: 'ledger-1',
        state: {
          status: 'solana-app',
          version: '1.9.0',
          blindSigningEnabled: false,
          pubkeyDisplay: 'long',
        },
      },
    ]);
    expect(harness.states.map((change) => change.state.status)).not.toContain('no-device');
  });

  it('drops an unplugged device after the grace period', async () => {
    harness = startEmulatorHarness({ framing: 'hid' }, {}, { detachGraceMs: 3_000 });
    await vi.advanceTimersByTimeAsync(0);

    harness.emulator.unplug();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(harness.service.getState().status).toBe('solana-app');
    await vi.advanceTimersByTimeAsync(1);

    expect(harness.service.getState()).toEqual({ status: 'no-device' });
    expect(harness.service.getDevices()).toEqual([]);
  });

  it('treats a replug within grace as the same device', async () => {
    harness = startEmulatorHarness({ framing: 'apdu' }, {}, { detachGraceMs: 3_000 });
    await vi.advanceTimersByTimeAsync(0);

    harness.emulator.unplug();
    await vi.advanceTimersByTimeAsync(1_500);
    harness.emulator.plug();
    await vi.advanceTimersByTimeAsync(0);

    expect(harness.service.getDevices()).toEqual([
      { deviceId: 'ledger-1', state: { status: 'locked' } },
    ]);
    expect(harness.states.map((change) => change.state.status)).not.toContain('no-device');
  });

  it('notices a lock while idle', async () => {
    harness = startEmulatorHarness({ framing: 'apdu' }, {}, { pollIntervalMs: 2_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(harness.service.getState().status).toBe('solana-app');

    harness.emulator.lock();
    await vi.advanceTimersByTimeAsync(2_000);

    expect(harness.service.getState()).toEqual({ status: 'locked' });
  });

  it('notices blind signing turned on while idle', async () => {
    harness = startEmulatorHarness({ framing: 'apdu' }, {}, { pollIntervalMs: 2_000 });
    await vi.advanceTimersByTimeAsync(0);

    harness.emulator.setSettings({ blindSigning: true });
    await vi.advanceTimersByTimeAsync(2_000);

    expect(harness.service.getState()).toMatchObject({ blindSigningEnabled: true });
  });
});
