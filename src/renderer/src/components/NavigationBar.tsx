import { useNavigation, views, viewTitles } from '../stores/navigation';

export function NavigationBar() {
  const current = useNavigation((state) => state.view);
  const go = useNavigation((state) => state.go);

  return (
    <nav className="navigation" aria-label="Main">
      <div className="brand" aria-hidden="true">
        Ledger Stake Desk
      </div>
      <ul>
        {views.map((view) => (
          <li key={view}>
            <a
              href={`#/${view}`}
              aria-current={view === current ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                go(view);
              }}
            >
              {viewTitles[view]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
