import { useEffect } from 'react';

import { useSettings } from '../stores/settings';

/** Applies the chosen theme to the document, following the system when asked to. */
export function useTheme(): void {
  const theme = useSettings((state) => state.settings?.theme ?? 'system');

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && query.matches);
      document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
