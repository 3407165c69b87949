import { Link, useParams, useRouter } from '@tanstack/react-router';
import { ErrorNotice } from '../../../components/error-notice';

/** While the item loads: the page's shape, so nothing jumps when it arrives. */
export function CheckpointPending() {
  return (
    <main id="main" className="page cp-page" aria-busy="true">
      <p role="status" className="cp-muted">
        Loading the handoff…
      </p>
      <div className="cp-grid">
        <div className="cp-context">
          <div className="skeleton cp-skeleton-tall" />
          <div className="skeleton cp-skeleton" />
        </div>
        <div className="cp-work">
          <div className="skeleton cp-skeleton" />
          <div className="skeleton cp-skeleton-tall" />
        </div>
      </div>
    </main>
  );
}

export function CheckpointError({ error }: { error: unknown }) {
  const router = useRouter();
  return (
    <main id="main" className="page cp-page">
      <h1>This handoff could not be opened</h1>
      <ErrorNotice error={error} onRetry={() => void router.invalidate()} />
      <p>
        <Link to="/queue">Back to the queue</Link>
      </p>
    </main>
  );
}

export function CheckpointNotFound() {
  const { handoffId } = useParams({ strict: false });
  return (
    <main id="main" className="page cp-page">
      <h1>Handoff not found</h1>
      <div className="notice notice-warning" role="alert">
        <p className="notice-title">
          There is no handoff {handoffId ? `“${handoffId}”` : 'at this address'}.
        </p>
        <p>It may have been removed, or the link is mistyped.</p>
      </div>
      <p>
        <Link to="/queue">Back to the queue</Link>
      </p>
    </main>
  );
}
