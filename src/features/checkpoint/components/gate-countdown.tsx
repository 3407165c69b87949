import { useEffect, useState } from 'react';
import type { Gate } from '../../../api/schemas';
import { formatDuration } from '../../../lib/time';

/** Under this much time left the gate turns urgent. */
export const GATE_URGENT_MS = 10 * 60 * 1000;

const defaultActionText = { approve: 'auto-approve', reject: 'auto-reject' } as const;

/**
 * The approval gate: how long the reviewer has before the default action applies. Turning
 * urgent is announced once (politely), not every second.
 */
export function GateCountdown({ gate, now }: { gate: Gate; now: number }) {
  const left = Date.parse(gate.timeoutAt) - now;
  const urgent = left < GATE_URGENT_MS;
  const then = defaultActionText[gate.defaultAction];
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (urgent) {
      setAnnouncement(
        (a) =>
          a ||
          (left > 0
            ? `Under 10 minutes left on the approval gate; then it will ${then}.`
            : `The approval gate has timed out; the default is to ${then}.`),
      );
    }
  }, [urgent, left, then]);

  return (
    <div className={urgent ? 'gate gate-urgent' : 'gate'}>
      <span className="gate-label">{urgent ? '⚠ Gate' : 'Gate'}</span>{' '}
      <time dateTime={gate.timeoutAt}>
        {left > 0 ? `${formatDuration(left)} left` : `timed out ${formatDuration(-left)} ago`}
      </time>
      <span className="gate-default"> · then {then}</span>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
