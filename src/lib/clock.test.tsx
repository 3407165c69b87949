import { act, render, screen } from '@testing-library/react';
import { formatCountdown, spokenCountdown, useSecondClock } from './clock';

function Ticker({ label }: { label: string }) {
  const now = useSecondClock();
  return <span>{`${label} ${new Date(now).toISOString().slice(11, 19)}`}</span>;
}

describe('the shared second clock', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-25T09:00:00.400Z') }));
  afterEach(() => vi.useRealTimers());

  it('runs one interval however many countdowns read it, and stops when none do', () => {
    const labels = Array.from({ length: 50 }, (_, i) => `row${i}`);
    const { unmount } = render(
      <div>
        {labels.map((label) => (
          <Ticker key={label} label={label} />
        ))}
      </div>,
    );
    expect(vi.getTimerCount()).toBe(1);
    expect(screen.getByText('row7 09:00:00')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByText('row7 09:00:01')).toBeInTheDocument();
    expect(screen.getByText('row49 09:00:01')).toBeInTheDocument();
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('formats a countdown for the eye and for the ear', () => {
    expect(formatCountdown(3 * 60_000)).toBe('3:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000)).toBe('2h 5m');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(spokenCountdown(125_000)).toBe('2 minutes 5 seconds');
    expect(spokenCountdown(3_600_000 + 60_000)).toBe('1 hour 1 minute');
  });
});
