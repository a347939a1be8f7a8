/** Shortens an address for one-line summaries, as "7NmQ…pqG9"; reviews always show it in full. */
export function shortAddress(address: string): string {
  return address.length <= 12 ? address : `${address.slice(0, 4)}…${address.slice(-4)}`;
}

/** Labels of stake accounts in reviews, where a label also marks the account as the person's. */
export const OWN_STAKE_ACCOUNT = 'Your stake account';
export const NEW_STAKE_ACCOUNT = 'New stake account';
