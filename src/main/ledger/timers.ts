export type TimerHandle = ReturnType<typeof setTimeout>;

/** The timer functions the service uses, injectable so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Looks the globals up on each call, so timers that a test installs later still apply. */
export const systemTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle),
};
