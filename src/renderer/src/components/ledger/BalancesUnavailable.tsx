/** Explains that the app could not check which accounts were used, so the search guessed. */
export function BalancesUnavailable() {
  return (
    <p className="notice" role="note">
      Balances unavailable: the app could not read chain data, so it cannot tell which accounts were
      used. The search counts only the first account of each derivation path as found.
    </p>
  );
}
