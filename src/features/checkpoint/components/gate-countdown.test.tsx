import { act, render, screen } from '@testing-library/react';
import type { Gate } from '../../../api/handoff-schemas';
import { GateCountdown } from './gate-countdown';

const start = Date.parse('2026-11-25T09:00:00Z');
const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
const gate = (timeout: number, extra: Partial<Gate> = {}): Gate => ({
  timeoutAt: at(timeout),
  warnAt: at(timeout - 300),
  defaultAction: 'hold_and_escalate',
  applied: null,
  ...extra,
});

beforeEach(() => {
  vi.useFakeTimers({ now: start });
});
afterEach(() => vi.useRealTimers());

/** The countdown's spoken announcement, as a screen reader meets it. */
const live = () => screen.getByRole('status');
const tick = (seconds: number) => act(() => vi.advanceTimersByTime(seconds * 1000));

describe('GateCountdown', () => {
  it('counts down calmly while there is time, saying what happens at the timeout', () => {
    render(<GateCountdown gate={gate(45 * 60, { defaultAction: 'reject' })} />);
    expect(screen.getByText('45:00 left')).toBeInTheDocument();
    expect(
      screen.getByText(/then the system will reject the draft and send nothing/),
    ).toBeInTheDocument();
    tick(5);
    expect(screen.getByText('44:55 left')).toBeInTheDocument();
    expect(screen.queryByText('⚠ Gate')).toBeNull();
    expect(live()).toHaveTextContent('');
  });

  it('warns once when the warning starts, then once at the timeout', () => {
    render(<GateCountdown gate={gate(310)} />);
    tick(9);
    expect(screen.queryByText('⚠ Gate')).toBeNull();
    tick(1);
    expect(screen.getByText('⚠ Gate')).toBeInTheDocument();
    expect(screen.getByText('5:00 left')).toBeInTheDocument();
    const warning =
      'Under 5m left on the approval gate; then the system will send a holding reply and escalate one level.';
    expect(live()).toHaveTextContent(warning);
    tick(60);
    // The clock moves; the announcement does not repeat or change.
    expect(screen.getByText('4:00 left')).toBeInTheDocument();
    expect(live()).toHaveTextContent(warning);
    tick(240);
    expect(screen.getByText('timed out')).toBeInTheDocument();
    expect(live()).toHaveTextContent(
      'The approval gate timed out; the system will now send a holding reply and escalate one level.',
    );
  });

  it('after the timeout shows what the system chose, not a countdown', () => {
    const applied = {
      at: at(60),
      action: 'approve' as const,
      reason: 'Nobody decided.',
      holdingReply: null,
    };
    render(<GateCountdown gate={gate(60, { defaultAction: 'approve', applied })} />);
    expect(screen.getByText('Timed out')).toBeInTheDocument();
    expect(screen.getByText(/the system chose to send the draft as it is/)).toBeInTheDocument();
    expect(screen.queryByText(/left/)).toBeNull();
  });
});
