/** Largest Unix time in seconds that a JavaScript Date can hold (8.64e15 ms). */
const MAX_DATE_SECONDS = 8_640_000_000_000n;

/**
 * Formats Unix seconds as UTC `YYYY-MM-DD HH:MM:SS`, the form the Ledger app prints lockup
 * times in. Values outside the Date range are returned as decimal seconds.
 */
export function formatUtcTimestamp(unixSeconds: bigint): string {
  if (unixSeconds > MAX_DATE_SECONDS || unixSeconds < -MAX_DATE_SECONDS) {
    return unixSeconds.toString();
  }
  const iso = new Date(Number(unixSeconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
