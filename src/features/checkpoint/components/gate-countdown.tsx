import { useEffect, useState } from 'react';
import type { Gate } from '../../../api/handoff-schemas';
import { gateDefaultLabels, gatePhase } from '../../../domain/gates';
import { formatCountdown, useSecondClock } from '../../../lib/clock';
import { formatDateTime, formatDuration } from '../../../lib/time';

/**
 * The approval gate: how long the reviewer has before the system applies the default, and
 * what that default is. The warning is announced once when it starts and once at the
 * timeout, never every second.
 */
export function GateCountdown({ gate }: { gate: Gate }) {
  const now = useSecondClock();
  const phase = gatePhase(gate, now);
  const left = Date.parse(gate.timeoutAt) - now;
  const then = gateDefaultLabels[gate.defaultAction];
  const warnFor = formatDuration(Date.parse(gate.timeoutAt) - Date.parse(gate.warnAt));
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    // Only the moments that matter: the warning starting, and the timeout.
    if (phase === 'warning') {
      setAnnouncement(`Under ${warnFor} left on the approval gate; then the system will ${then}.`);
    } else if (phase === 'due') {
      setAnnouncement(`The approval gate timed out; the system will now ${then}.`);
    }
  }, [phase, warnFor, then]);

  if (phase === 'applied' && gate.applied) {
    return (
      <div className="gate gate-applied">
        <span className="gate-label">Timed out</span>{' '}
        <time dateTime={gate.applied.at}>{formatDateTime(gate.applied.at)}</time>
        <span className="gate-default">
          {' '}
          · the system chose to {gateDefaultLabels[gate.applied.action]}
        </span>
      </div>
    );
  }
  const urgent = phase !== 'running';
  return (
    <div className={urgent ? 'gate gate-urgent' : 'gate'}>
      <span className="gate-label">{urgent ? '⚠ Gate' : 'Gate'}</span>{' '}
      <time dateTime={gate.timeoutAt}>
        {phase === 'due' ? 'timed out' : `${formatCountdown(left)} left`}
      </time>
      <span className="gate-default">
        {phase === 'due' ? ` · applying the default: ${then}…` : ` · then the system will ${then}`}
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
