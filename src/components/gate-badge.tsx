import type { Gate } from '../api/handoff-schemas';
import { gateDefaultShort, gatePhase } from '../domain/gates';
import { formatCountdown, spokenCountdown, useSecondClock } from '../lib/clock';

/**
 * The approval gate in a queue row: time left, amber once the warning starts. It reads the
 * shared clock itself, so only gated rows re-render each second, not the whole list.
 */
export function GateBadge({ gate }: { gate: Gate }) {
  const now = useSecondClock();
  const phase = gatePhase(gate, now);
  const left = Date.parse(gate.timeoutAt) - now;
  const then = gateDefaultShort[gate.defaultAction];
  if (phase === 'applied') return null;
  const urgent = phase !== 'running';
  return (
    <span
      className={urgent ? 'badge badge-warning gate-badge' : 'badge gate-badge'}
      title={`Approval gate: then ${then}`}
    >
      <span aria-hidden="true">
        {urgent ? '⚠ ' : ''}Gate {phase === 'due' ? 'due' : formatCountdown(left)}
      </span>
      <span className="visually-hidden">
        {phase === 'due'
          ? `Approval gate timed out; the system is applying its default: ${then}.`
          : `Approval gate: ${spokenCountdown(left)} left, then ${then}${urgent ? '. Closing soon' : ''}.`}
      </span>
    </span>
  );
}
