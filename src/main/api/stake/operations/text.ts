/** Shortens an address for one-line summaries, as "7NmQ…pqG9"; reviews always show it in full. */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 4)}…${address.slice(-4)}`;
}

/** Labels of stake accounts in reviews, where a label also marks the account as the person's. */
export const OWN_STAKE_ACCOUNT = 'Your stake account';
export const NEW_STAKE_ACCOUNT = 'New stake account';

/**
 * Appends the short address to every label that more than one address carries, so a review
 * of two "Your stake account" entries names each one apart.
 */
export function distinguishSharedLabels(labels: ReadonlyMap<string, string>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const label of labels.values()) {
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const distinct = new Map<string, string>();
  for (const [address, label] of labels) {
    const shared = (counts.get(label) ?? 0) > 1;
    distinct.set(address, shared ? `${label} ${shortAddress(address)}` : label);
  }
  return distinct;
}
