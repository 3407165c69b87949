import { create } from 'zustand';
import type { Session } from '../api/session-schemas';

/*
 * Who the server says is signed in, and whether work is waiting for them to sign in again.
 * A request refused with 401 mid-work waits on `requestSignIn()`; the sign-in dialog settles
 * every waiting request at once, so each is sent again exactly once.
 */

interface AuthState {
  session: Session | null;
  /** Requests are waiting for the person to sign in again: the dialog is open. */
  reauthenticating: boolean;
}

export const useAuthStore = create<AuthState>()(() => ({ session: null, reauthenticating: false }));

let waiting: ((signedIn: boolean) => void)[] = [];

function settle(signedIn: boolean) {
  const resolvers = waiting;
  waiting = [];
  for (const resolve of resolvers) resolve(signedIn);
}

/** Whether the actor header names who acts (demo, insecure server) rather than a session. */
export const actsByHeader = () => useAuthStore.getState().session?.mode !== 'session';

/**
 * Asks the person to sign in again; resolves true when the same person did (their
 * interrupted requests may be sent again), false when they did not.
 */
export function requestSignIn(): Promise<boolean> {
  if (actsByHeader()) return Promise.resolve(false);
  useAuthStore.setState({ reauthenticating: true });
  return new Promise((resolve) => waiting.push(resolve));
}

/** The sign-in dialog succeeded. Someone else signing in does not inherit the work. */
export function signedInAgain(session: Session): boolean {
  const before = useAuthStore.getState().session?.user?.id;
  const same = session.user?.id === before;
  useAuthStore.setState({ session, reauthenticating: false });
  settle(same);
  return same;
}

/** The person closed the dialog without signing in: the waiting requests fail as they were. */
export function declineSignIn(): void {
  useAuthStore.setState({ reauthenticating: false });
  settle(false);
}
