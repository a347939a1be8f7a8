import type { LedgerOperation } from '../../shared/domain/ledger';
import { WalletError } from '../../shared/errors';
import type { Timers } from './timers';

export interface ExchangeLimits {
  operation: LedgerOperation;
  timers: Timers;
  /** Absent for exchanges that wait for the person, which only a signal or an unplug ends. */
  timeoutMs?: number;
  /** The caller's cancellation. */
  signal?: AbortSignal;
  /** Aborted when the device is unplugged. */
  detached: AbortSignal;
  /** Called when the exchange is given up while still in flight, so its transport can be replaced. */
  onAbandon(): void;
  /** Turns a rejection of the work into a WalletError. */
  classify(error: unknown): WalletError;
}

/**
 * Settles with the first of: the work's result, its classified error, the time-out,
 * the caller's abort, or the device's detach. The work may keep running after a
 * time-out or abort (a transport cannot cancel an APDU), so its late result is dropped.
 */
export function runWithinLimits<T>(work: () => Promise<T>, limits: ExchangeLimits): Promise<T> {
  const { operation, timers, timeoutMs, signal, detached } = limits;

  if (signal?.aborted === true) {
    return Promise.reject(new WalletError('CANCELLED', {}));
  }
  if (detached.aborted) {
    return Promise.reject(new WalletError('LEDGER_DISCONNECTED', { operation }));
  }

  return new Promise<T>((resolve, reject) => {
    let settled = false;

    const finish = (outcome: () => void): void => {
      if (settled) {
        return;
      }
      settled = true;
      if (timer !== undefined) {
        timers.clearTimeout(timer);
      }
      signal?.removeEventListener('abort', onAbort);
      detached.removeEventListener('abort', onDetach);
      outcome();
    };

    const abandonWith = (error: WalletError): void => {
      finish(() => {
        limits.onAbandon();
        reject(error);
      });
    };

    const onAbort = (): void => abandonWith(new WalletError('CANCELLED', {}));
    const onDetach = (): void => abandonWith(new WalletError('LEDGER_DISCONNECTED', { operation }));
    const timer =
      timeoutMs === undefined
        ? undefined
        : timers.setTimeout(
            () => abandonWith(new WalletError('LEDGER_TIMEOUT', { operation, timeoutMs })),
            timeoutMs,
          );

    signal?.addEventListener('abort', onAbort, { once: true });
    detached.addEventListener('abort', onDetach, { once: true });

    work().then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(limits.classify(error))),
    );
  });
}
