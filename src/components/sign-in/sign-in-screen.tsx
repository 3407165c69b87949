import type { ApiClient } from '../../api/client';
import type { Session } from '../../api/session-schemas';
import { SignInForm } from './sign-in-form';
import './sign-in.css';

/** What the identity provider's return says, from `?sign-in=` on the address. */
const returnNotices: Record<string, string> = {
  pending:
    'You are signed in with your provider, but this desk has not given you access yet. Ask a lead to enable your account, then sign in again.',
  failed: 'Signing in with your provider did not complete. Try again.',
};

interface SignInScreenProps {
  api: ApiClient;
  session: Session;
  onSignedIn: (session: Session) => void;
}

/** The whole page when no one is signed in: nothing of the desk shows until someone is. */
export function SignInScreen({ api, session, onSignedIn }: SignInScreenProps) {
  const back = new URLSearchParams(window.location.search).get('sign-in');
  const notice = back ? returnNotices[back] : undefined;
  return (
    <main id="main" className="page sign-in-page">
      <h1>Sign in to Handoff Desk</h1>
      {notice ? (
        <div className="notice notice-warning" role="status">
          {notice}
        </div>
      ) : null}
      <SignInForm api={api} oidc={session.methods.oidc} onSignedIn={onSignedIn} />
    </main>
  );
}
