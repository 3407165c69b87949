import { levelLabels } from '../../domain/levels';
import { useShortcuts } from '../../hooks/use-shortcuts';
import { useApi } from '../../lib/api-context';
import { useAuthStore } from '../../stores/auth-store';
import { ShortcutButton } from '../shortcut-button';
import './sign-in.css';

/** Who is signed in, Sign out (Alt+Q), and Sign out everywhere (Alt+Shift+Q) for a lost device. */
export function SessionControls() {
  const session = useAuthStore((s) => s.session);
  const api = useApi();
  const user = session?.mode === 'session' ? session.user : null;
  const signOut = async (everywhere = false) => {
    await api.signOut({ query: everywhere ? { everywhere } : {} }).catch(() => undefined);
    // A fresh start: nothing of the signed-out person's screens stays in memory.
    window.location.assign('/');
  };
  useShortcuts([
    {
      key: 'alt+shift+q',
      handler: () => void signOut(true),
      enabled: user !== null,
      label: 'Sign out everywhere',
    },
    {
      key: 'alt+q',
      handler: () => void signOut(),
      enabled: user !== null,
      label: 'Sign out',
    },
  ]);
  if (!user) return null;
  return (
    <div className="session-controls">
      <span>
        Signed in as <strong>{user.name}</strong> · {levelLabels[user.level]}
      </span>
      <ShortcutButton shortcut="Alt+Q" onClick={() => void signOut()}>
        Sign out
      </ShortcutButton>
      <ShortcutButton
        shortcut="Alt+Shift+Q"
        title="Ends your sessions on every device, e.g. after losing a laptop"
        onClick={() => void signOut(true)}
      >
        Sign out everywhere
      </ShortcutButton>
    </div>
  );
}

/** Said in the header for as long as the server believes whoever the browser claims to be. */
export function InsecureIdentityBanner() {
  const insecure = useAuthStore((s) => s.session?.mode === 'insecure-actor-header');
  if (!insecure) return null;
  return (
    <div className="notice notice-warning insecure-banner" role="status">
      <strong>Insecure identity:</strong> this server believes whoever the browser says is acting
      (started with --insecure-actor-header). For local demos and tests only.
    </div>
  );
}
