import { create } from 'zustand';

export const views = [
  'portfolio',
  'stake-accounts',
  'validators',
  'activity',
  'ledger-accounts',
  'review-transaction',
  'settings',
] as const;
export type View = (typeof views)[number];

export const viewTitles: Record<View, string> = {
  portfolio: 'Portfolio',
  'stake-accounts': 'Stake accounts',
  validators: 'Validators',
  activity: 'Activity',
  'ledger-accounts': 'Ledger accounts',
  'review-transaction': 'Review transaction',
  settings: 'Settings',
};

function isView(value: string): value is View {
  return (views as readonly string[]).includes(value);
}

function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[?&]/)[0] ?? '';
  return isView(name) ? name : 'portfolio';
}

interface NavigationState {
  view: View;
  go: (view: View) => void;
}

/** The open page; mirrored in the URL hash so a reload or a test can open any page. */
export const useNavigation = create<NavigationState>((set) => ({
  view: viewFromHash(window.location.hash),
  go: (view) => {
    if (window.location.hash !== `#/${view}`) {
      window.history.pushState(null, '', `#/${view}`);
    }
    set({ view });
  },
}));

window.addEventListener('popstate', () => {
  useNavigation.setState({ view: viewFromHash(window.location.hash) });
});
