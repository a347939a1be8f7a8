import { WalletError } from '../../shared/errors';

/**
 * Runs tasks one after another, so a device never receives two exchanges at once. A task
 * whose signal aborts while it waits is rejected at once and skipped when its turn comes.
 * A running task must settle by itself, so callers race their exchanges against the
 * same signal.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private waitingOrRunning = 0;

  /** Tasks queued or running. */
  get size(): number {
    return this.waitingOrRunning;
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted === true) {
      return Promise.reject(cancelled());
    }

    const previous = this.tail;
    let releaseTurn = (): void => {};
    this.tail = new Promise<void>((resolve) => {
      releaseTurn = resolve;
    });
    this.waitingOrRunning += 1;

    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(cancelled());
      signal?.addEventListener('abort', onAbort, { once: true });

      void previous
        .then(async () => {
          signal?.removeEventListener('abort', onAbort);
          if (signal?.aborted === true) {
            return;
          }
          await task().then(resolve, reject);
        })
        .finally(() => {
          this.waitingOrRunning -= 1;
          releaseTurn();
        });
    });
  }
}

function cancelled(): WalletError {
  return new WalletError('CANCELLED', {});
}
