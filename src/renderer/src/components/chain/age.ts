/** Whole seconds from an ISO time to `nowMs`, at least 0. */
export function secondsSince(isoTime: string, nowMs: number): number {
  const elapsed = nowMs - Date.parse(isoTime);
  return Number.isFinite(elapsed) ? Math.max(0, Math.floor(elapsed / 1000)) : 0;
}

/** Formats an age in seconds as short text: "just now", "5 min ago", "2 days ago". */
export function formatAge(seconds: number): string {
  if (seconds < 10) {
    return 'just now';
  }
  if (seconds < 60) {
    return `${seconds} s ago`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  return `${Math.floor(hours / 24)} days ago`;
}
