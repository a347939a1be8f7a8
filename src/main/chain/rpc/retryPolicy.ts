/** Retry limits for one endpoint, before a request moves to the next endpoint. */
export interface RetryPolicy {
  /** Attempts per endpoint, the first one included. */
  attemptsPerEndpoint: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this moves to the next endpoint instead of waiting. */
  maxRetryAfterMs: number;
  /** Time-out of one HTTP request, body included. */
  requestTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attemptsPerEndpoint: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
  requestTimeoutMs: 15_000,
};

/**
 * Returns the wait before retry number `retry` (1 for the first retry): exponential backoff
 * with full jitter, a uniform draw in [0, min(maxDelay, base × 2^(retry − 1))], so that
 * clients that failed together do not retry together.
 */
export function computeBackoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Parses an HTTP Retry-After header, either delay-seconds or an HTTP date, into milliseconds
 * from `nowMs`. Returns null for a missing or unreadable header.
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) {
    return null;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return null;
  }
  return Math.max(0, date - nowMs);
}
