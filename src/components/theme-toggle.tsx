import { useShortcuts } from '../hooks/use-shortcuts';
import { useTheme } from '../hooks/use-theme';

/** Dark or light, whatever the system says; the choice is remembered in this browser. */
export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const dark = theme === 'dark';
  useShortcuts([
    {
      key: 'alt+t',
      handler: toggle,
      inFields: true,
      label: dark ? 'Switch to the light theme' : 'Switch to the dark theme',
    },
  ]);
  return (
    <button
      type="button"
      className="button theme-toggle"
      aria-pressed={dark}
      aria-keyshortcuts="Alt+T"
      title="Dark theme (Alt+T)"
      onClick={toggle}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}
