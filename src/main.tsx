import { announceSignedIn } from './lib/sign-in-channel';
import './app/strict-csp';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { ApiError } from './api/errors';
import type { Session } from './api/session-schemas';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { loadConfig, resolveBaseUrl } from './lib/config';
import { actsByHeader, requestSignIn, useAuthStore } from './stores/auth-store';
import { applyTheme } from './stores/preferences-store';
import { useSessionStore } from './stores/session-store';
import './styles/app.css';

function rootElement(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  return root;
}

/**
 * A failed request caught by a screen's error boundary is already told to the person, in
 * words, on that screen: it is handled, so the console stays quiet. Anything else is a bug.
 */
function reportCaughtError(error: unknown, info: { componentStack?: string }) {
  if (error instanceof ApiError) return;
  console.error(error, info.componentStack ?? '');
}

async function boot() {
  // Before anything renders, so the first paint is already in the chosen theme.
  applyTheme();
  const config = await loadConfig();
  const baseUrl = resolveBaseUrl(config.apiBaseUrl);
  const demo = import.meta.env.VITE_DEMO === 'true' && config.demo;
  if (demo) {
    // The only import of the mock backend; the production build drops it.
    const { startDemoBackend } = await import('../mocks/browser');
    const unreadable = await startDemoBackend(baseUrl);
    if (unreadable) {
      const { UnreadableWorldNotice } = await import(
        './features/demo/components/unreadable-world-notice'
      );
      // The saved world is kept until the evaluator chooses: export it, or reset and start over.
      createRoot(rootElement()).render(
        <StrictMode>
          <UnreadableWorldNotice
            message={unreadable.message}
            exportWorld={unreadable.exportWorld}
            reset={async () => {
              await unreadable.reset();
              window.location.reload();
            }}
          />
        </StrictMode>,
      );
      return;
    }
  }
  const api = createApiClient({
    baseUrl,
    getActorId: () => (actsByHeader() ? useSessionStore.getState().actorId : null),
    onUnauthenticated: requestSignIn,
  });
  const root = createRoot(rootElement(), { onCaughtError: reportCaughtError });
  const start = (session: Session) => {
    useAuthStore.setState({ session });
    // The signed-in person is who "me" means on every screen.
    if (session.mode === 'session' && session.user) {
      useSessionStore.getState().setActorId(session.user.id);
    }
    if (window.location.search.includes('sign-in=')) {
      if (window.location.search.includes('sign-in=popup-done') && session.user) {
        // This window is the popup of a page whose session ended: tell it, and step aside.
        announceSignedIn();
        window.close();
      }
      window.history.replaceState(null, '', window.location.pathname);
    }
    // A transition: React renders the first screen in slices between which the browser may
    // paint and answer input, instead of in one long task.
    startTransition(() => {
      root.render(
        <StrictMode>
          <App queryClient={createQueryClient(api)} demo={demo} />
        </StrictMode>,
      );
    });
  };
  const session = await api.getSession();
  if (session.mode === 'session' && !session.user) {
    useAuthStore.setState({ session });
    // Only someone not yet signed in needs the sign-in screen.
    const { SignInScreen } = await import('./components/sign-in/sign-in-screen');
    root.render(
      <StrictMode>
        <SignInScreen api={api} session={session} onSignedIn={start} />
      </StrictMode>,
    );
    return;
  }
  start(session);
}

boot().catch((error: unknown) => {
  const root = document.getElementById('root');
  if (root) {
    root.textContent = `Handoff Desk could not start: ${error instanceof Error ? error.message : String(error)}. Reload to try again.`;
  }
});
