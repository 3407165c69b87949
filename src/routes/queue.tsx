import { createFileRoute } from '@tanstack/react-router';

export const Route = createFileRoute('/queue')({
  component: () => <main id="main">Queue</main>,
});
