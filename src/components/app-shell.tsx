import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useRouter } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { levelLabels } from '../domain/levels';
import { useLiveUpdates } from '../hooks/use-live-updates';
import { useSwitchActor } from '../hooks/use-switch-actor';
import { useApi } from '../lib/api-context';
import { userQueries } from '../lib/handoff-queries';
import { useAuthStore } from '../stores/auth-store';
import { useDraftStore } from '../stores/draft-store';
import { useIntentStore } from '../stores/intent-store';
import { useLiveStore } from '../stores/live-store';
import { usePreferencesStore } from '../stores/preferences-store';
import { useSessionStore } from '../stores/session-store';
import { PaletteLauncher } from './command-palette/palette-launcher';
import { FailureNotice } from './failure-notice';
import { LostRunsNotice } from './lost-runs-notice';
import { mainScreens } from './screens';
import { ShortcutHelp } from './shortcut-help';
import { InsecureIdentityBanner, SessionControls } from './sign-in/session-controls';
import { ThemeToggle } from './theme-toggle';

// The tour is for a first visit to the demo: it loads only then, and only the demo build has it.
const GuidedTour =
  import.meta.env.VITE_DEMO === 'true'
    ? lazy(() => import('./tour/guided-tour').then((m) => ({ default: m.GuidedTour })))
    : null;

// Asked only when a session ends mid-work: the dialog and its form load then.
const SignInDialog = lazy(() =>
  import('./sign-in/sign-in-dialog').then((m) => ({ default: m.SignInDialog })),
);

const PEOPLE_MANAGERS = new Set(['lead', 'executive']);

export function AppShell({ children }: { children: ReactNode }) {
  const isDemo = useRouteContext({ from: '__root__', select: (c) => c.demo });
  const mode = useAuthStore((s) => s.session?.mode ?? 'demo');
  const actorId = useSessionStore((s) => s.actorId);
  const me = useQuery(userQueries.me(actorId));
  // People live on a server; the demo's backend has its switcher instead.
  const managesPeople = mode !== 'demo' && PEOPLE_MANAGERS.has(me.data?.role ?? '');
  const reauthenticating = useAuthStore((s) => s.reauthenticating);
  // Webhooks are delivered by a server, and set up by its leads.
  const managesWebhooks = mode !== 'demo' && me.data?.role === 'lead';
  const tourDone = usePreferencesStore((s) => s.tourDone);
  const setTourDone = usePreferencesStore((s) => s.setTourDone);
  const navigate = useNavigate();
  useLiveUpdates();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/queue" className="brand">
          Handoff Desk
        </Link>
        <nav aria-label="Main">
          {mainScreens({ managesPeople, managesWebhooks, isDemo }).map(({ to, label }) => (
            <Link key={to} to={to} className="nav-link" activeProps={{ 'aria-current': 'page' }}>
              {label}
            </Link>
          ))}
        </nav>
        <div className="header-tools">
          <LiveStatus />
          {mode === 'session' ? <SessionControls /> : <ActingAs />}
          {isDemo ? <ResetDemo /> : null}
          <PaletteLauncher shown={{ managesPeople, managesWebhooks, isDemo }} />
          <ThemeToggle />
          <ShortcutHelp />
        </div>
        <InsecureIdentityBanner />
      </header>
      <FailureNotice />
      <LostRunsNotice />
      {reauthenticating ? (
        <Suspense fallback={null}>
          <SignInDialog />
        </Suspense>
      ) : null}
      {GuidedTour && isDemo && !tourDone ? (
        <Suspense fallback={null}>
          <GuidedTour
            show={(to, params) => void navigate({ to, params })}
            onClose={() => setTourDone(true)}
          />
        </Suspense>
      ) : null}
      {children}
    </div>
  );
}

const liveLabels = {
  live: 'Live',
  connecting: 'Connecting…',
  polling: 'Reconnecting… updates every 10 s',
} as const;

/** Whether changes arrive as they happen or by polling; announced politely when it moves. */
function LiveStatus() {
  const status = useLiveStore((s) => s.status);
  return (
    <output className={`live-status live-status-${status}`} aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      {liveLabels[status]}
    </output>
  );
}

function ActingAs() {
  const actorId = useSessionStore((s) => s.actorId);
  const switchActor = useSwitchActor();
  const users = useQuery(userQueries.list());
  if (!users.data) return null;
  return (
    <label className="acting-as">
      <span>Acting as</span>
      <select value={actorId} onChange={(e) => switchActor(e.target.value)}>
        {users.data.items.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} · {levelLabels[u.level]}
          </option>
        ))}
      </select>
    </label>
  );
}

function ResetDemo() {
  const api = useApi();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<'idle' | 'confirm' | 'busy'>('idle');
  if (state === 'confirm') {
    return (
      <fieldset className="reset-confirm" aria-label="Confirm reset">
        <span>Discard every decision and restore the seeded demo?</span>
        <button
          type="button"
          className="button button-danger"
          onClick={async () => {
            setState('busy');
            await api.resetDemo();
            // Unsent edits belong to the world being discarded.
            useDraftStore.setState({ drafts: {} });
            useIntentStore.setState({ intents: {} });
            queryClient.clear();
            await router.navigate({ to: '/queue' });
            await router.invalidate();
            setState('idle');
          }}
        >
          Reset
        </button>
        <button type="button" className="button" onClick={() => setState('idle')}>
          Cancel
        </button>
      </fieldset>
    );
  }
  return (
    <button
      type="button"
      className="button"
      disabled={state === 'busy'}
      onClick={() => setState('confirm')}
    >
      {state === 'busy' ? 'Resetting…' : 'Reset demo'}
    </button>
  );
}
