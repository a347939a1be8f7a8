import { themeSchema, type Theme } from '../../../shared/domain/settings';
import { NetworkSettings } from '../components/chain/NetworkSettings';
import { PageHeader } from '../components/PageHeader';
import { useSettings } from '../stores/settings';

const themeLabels: Record<Theme, string> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
};

export function SettingsPage() {
  const settings = useSettings((state) => state.settings);
  const update = useSettings((state) => state.update);

  return (
    <>
      <PageHeader title="Settings" />
      <section className="card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <fieldset className="radio-group">
          <legend>Theme</legend>
          {themeSchema.options.map((theme) => (
            <label key={theme}>
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={settings?.theme === theme}
                disabled={settings === undefined}
                onChange={() => void update({ theme })}
              />
              {themeLabels[theme]}
            </label>
          ))}
        </fieldset>
      </section>
      <NetworkSettings />
    </>
  );
}
