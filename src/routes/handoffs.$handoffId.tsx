import { createFileRoute } from '@tanstack/react-router';

export const Route = createFileRoute('/handoffs/$handoffId')({
  component: () => <main id="main">Checkpoint</main>,
});
