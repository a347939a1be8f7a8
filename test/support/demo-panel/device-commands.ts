import { z } from 'zod';

import type { LedgerEmulator } from '../ledger-emulator';
import type { DeviceControlName } from './protocol';

const noFields = z.strictObject({});

// Request controls name the request they act on, so a click on a screen that was replaced by
// a newer request meanwhile cannot approve or reject that newer one.
const requestTarget = z.strictObject({
  requestId: z.number().int().positive(),
});

const openAppFields = z.strictObject({
  name: z.string().trim().min(1).max(32),
});

/** Each part of the version is one byte in the `E0 04` reply, so it must fit in 0..255. */
const appVersion = z
  .string()
  .regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/, 'expected MAJOR.MINOR.PATCH, for example 1.16.0')
  .refine(
    (text) => text.split('.').every((part) => Number(part) <= 255),
    'each part of the version must be at most 255',
  );

const settingsFields = z
  .strictObject({
    blindSigning: z.boolean().optional(),
    expertMode: z.boolean().optional(),
    pubkeyDisplay: z.enum(['long', 'short']).optional(),
    version: appVersion.optional(),
  })
  .refine((fields) => Object.keys(fields).length > 0, 'name at least one setting to change');

/** A control that the device cannot perform in its current state, such as Approve with no request. */
export class ControlConflictError extends Error {
  override readonly name = 'ControlConflictError';
}

/**
 * Validates the body of a device control and applies it to the emulator. Throws a ZodError
 * for a malformed body and ControlConflictError when the device's state forbids the action.
 */
export function applyDeviceControl(
  emulator: LedgerEmulator,
  name: DeviceControlName,
  body: unknown,
): void {
  switch (name) {
    case 'approve':
      requireRequest(emulator, requestTarget.parse(body).requestId);
      runOnDevice(() => emulator.approve());
      return;
    case 'reject':
      requireRequest(emulator, requestTarget.parse(body).requestId);
      runOnDevice(() => emulator.reject());
      return;
    case 'next':
      requireRequest(emulator, requestTarget.parse(body).requestId);
      runOnDevice(() => emulator.next());
      return;
    case 'previous':
      requireRequest(emulator, requestTarget.parse(body).requestId);
      runOnDevice(() => emulator.previous());
      return;
    case 'lock':
      noFields.parse(body);
      runOnDevice(() => emulator.lock());
      return;
    case 'unlock':
      noFields.parse(body);
      runOnDevice(() => emulator.unlock());
      return;
    case 'unplug':
      noFields.parse(body);
      requirePlugged(emulator, 'unplug');
      emulator.unplug();
      return;
    case 'plug':
      noFields.parse(body);
      if (emulator.status.kind !== 'unplugged') {
        throw new ControlConflictError('Cannot plug in: the emulated device is already plugged in');
      }
      emulator.plug();
      return;
    case 'open-app': {
      const { name: appName } = openAppFields.parse(body);
      runOnDevice(() => emulator.openApp(appName));
      return;
    }
    case 'quit-app':
      noFields.parse(body);
      runOnDevice(() => emulator.quitApp());
      return;
    case 'settings':
      emulator.setSettings(settingsFields.parse(body));
      return;
  }
}

function requireRequest(emulator: LedgerEmulator, requestId: number): void {
  const current = emulator.currentRequest;
  if (current === null) {
    throw new ControlConflictError(`Request ${requestId} is no longer pending on the device`);
  }
  if (current.id !== requestId) {
    throw new ControlConflictError(
      `Request ${requestId} is no longer pending; request ${current.id} is shown now`,
    );
  }
}

function requirePlugged(emulator: LedgerEmulator, action: string): void {
  if (emulator.status.kind === 'unplugged') {
    throw new ControlConflictError(`Cannot ${action}: the emulated device is unplugged`);
  }
}

/**
 * Runs an emulator control. The emulator throws a plain Error when its state forbids the
 * action (locked, unplugged, busy, app not installed), which the panel reports as a conflict.
 */
function runOnDevice(action: () => void): void {
  try {
    action();
  } catch (error) {
    throw new ControlConflictError(error instanceof Error ? error.message : String(error));
  }
}
