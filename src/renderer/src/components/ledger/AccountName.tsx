/**
 * Shows an account name the person chose, isolated from the text around it and cut with
 * an ellipsis when it does not fit (the full name stays in the title).
 */
export function AccountName({ name }: { name: string }) {
  return (
    <bdi className="account-name" title={name}>
      {name}
    </bdi>
  );
}

/** The account's name, or its path when it has none, followed by the path when named. */
export function AccountLabel({ name, path }: { name: string; path: string }) {
  if (name === '') {
    return <span className="mono">{path}</span>;
  }
  return (
    <>
      <AccountName name={name} /> ({path})
    </>
  );
}
