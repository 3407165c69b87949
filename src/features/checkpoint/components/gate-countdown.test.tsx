import { render, screen } from '@testing-library/react';
import { GateCountdown } from './gate-countdown';

const now = Date.parse('2026-11-25T09:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('GateCountdown', () => {
  it('shows time left and the default action, calmly when there is time', () => {
    const { container } = render(
      <GateCountdown gate={{ timeoutAt: at(45), defaultAction: 'reject' }} now={now} />,
    );
    expect(screen.getByText('45m left')).toBeInTheDocument();
    expect(screen.getByText(/then auto-reject/)).toBeInTheDocument();
    expect(container.querySelector('.gate-urgent')).toBeNull();
    expect(container.querySelector('[aria-live="polite"]')).toHaveTextContent('');
  });

  it('turns urgent under 10 minutes and announces it once', () => {
    const gate = { timeoutAt: at(12), defaultAction: 'approve' as const };
    const { container, rerender } = render(<GateCountdown gate={gate} now={now} />);
    rerender(<GateCountdown gate={gate} now={now + 3 * 60_000} />);
    expect(container.querySelector('.gate-urgent')).not.toBeNull();
    const live = container.querySelector('[aria-live="polite"]');
    expect(live).toHaveTextContent(
      'Under 10 minutes left on the approval gate; then it will auto-approve.',
    );
    rerender(<GateCountdown gate={gate} now={now + 4 * 60_000} />);
    expect(live).toHaveTextContent(
      'Under 10 minutes left on the approval gate; then it will auto-approve.',
    );
    expect(screen.getByText('8m left')).toBeInTheDocument();
  });
});
