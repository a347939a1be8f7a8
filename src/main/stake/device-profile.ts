import type { AppLine } from '../../shared/domain/stake';

/**
 * Clear-signing limits and labels of the Ledger Solana app, by release line.
 *
 * - v1.9: releases up to 1.9.x accept at most 4 instructions in a clear-signed message
 *   (app-solana `libsol/message.c`, MAX_INSTRUCTIONS 4, release 1.9.0), label delegation
 *   "Delegate from" and show "Max fees" as the second screen.
 * - current: later releases accept 6 instructions (MAX_INSTRUCTIONS 6), use the newer labels
 *   and show "Max fees" after the instruction's screens.
 *
 * NOTE: which release between 1.9 and 1.15 first shipped each change was not confirmed; every
 * version above 1.9 is treated as the current line.
 */
export interface DeviceProfile {
  appVersion: string;
  line: AppLine;
  /** Most instructions a message may carry, compute-budget and nonce ones included. */
  maxInstructions: number;
}

const LINE_LIMITS: Record<AppLine, number> = { 'v1.9': 4, current: 6 };

/**
 * Returns the profile for the version string the app reports (GET_APP_CONFIGURATION).
 * An unreadable version gets the v1.9 profile, whose limits are the stricter ones, so an
 * unknown version never produces a transaction the device cannot show.
 */
export function deviceProfileFor(appVersion: string): DeviceProfile {
  const line = appLineFor(appVersion);
  return { appVersion, line, maxInstructions: LINE_LIMITS[line] };
}

function appLineFor(appVersion: string): AppLine {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(appVersion.trim());
  if (match === null) {
    return 'v1.9';
  }

  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major > 1 || (major === 1 && minor > 9)) {
    return 'current';
  }
  return 'v1.9';
}
