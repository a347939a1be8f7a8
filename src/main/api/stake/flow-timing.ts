/** Poll intervals and limits of signing and confirmation, replaceable in tests. */
export interface FlowTiming {
  /** Between signature status reads while a transaction confirms. */
  confirmPollMs: number;
  /** Between block height reads while the device waits for the person. */
  validityPollMs: number;
  /** How long finalization is followed after a transaction is confirmed. */
  finalizeTimeoutMs: number;
  /** Waits `ms`, or rejects once `signal` aborts. */
  delay(ms: number, signal: AbortSignal): Promise<void>;
}

// NOTE: the intervals are estimates, not tuned on mainnet: a slot is about 400 ms, and
// finalization usually follows confirmation within about 13 seconds.
export const defaultFlowTiming: FlowTiming = {
  confirmPollMs: 1_000,
  validityPollMs: 2_000,
  finalizeTimeoutMs: 90_000,
  delay: waitFor,
};

function waitFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
