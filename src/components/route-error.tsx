import type { ErrorComponentProps } from '@tanstack/react-router';
import { ErrorNotice } from './error-notice';

export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <main id="main" className="page">
      <ErrorNotice error={error} onRetry={reset} />
    </main>
  );
}
