/** Block explorers the app may open in the system browser; nothing else is opened. */
export const explorerHosts: readonly string[] = ['explorer.solana.com', 'solscan.io', 'solana.fm'];

export function isAllowedExternalUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    explorerHosts.includes(url.hostname)
  );
}
