import type { Flag, HandoffStatus, Severity } from '../api/handoff-schemas';
import { confidenceBand, formatPercent } from '../domain/confidence';
import { flagRuleInfo } from '../domain/flags';
import { statusLabels } from '../domain/lifecycle';
import { type SlaState, slaState } from '../domain/sla';
import { formatDateTime, formatDuration } from '../lib/time';

const severityClass: Record<Severity, string> = {
  critical: 'badge badge-critical',
  warning: 'badge badge-warning',
  info: 'badge badge-info',
};

export function FlagBadge({ flag }: { flag: Pick<Flag, 'rule' | 'severity' | 'hardStop'> }) {
  const info = flagRuleInfo[flag.rule];
  return (
    <span className={severityClass[flag.severity]} title={`${info.response}: ${info.humanAction}`}>
      {flag.hardStop ? (
        <>
          <svg className="badge-icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
            <rect x="4" y="7" width="8" height="2" fill="#fff" />
          </svg>
          <span className="visually-hidden">Hard stop: </span>
        </>
      ) : null}
      {info.label}
    </span>
  );
}

const bandClass = {
  high: 'badge badge-ok',
  medium: 'badge badge-warning',
  low: 'badge badge-critical',
} as const;

export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const band = confidenceBand(confidence);
  return (
    <span className={bandClass[band]}>
      {formatPercent(confidence)} <span className="badge-band">{band}</span>
    </span>
  );
}

const statusClass: Partial<Record<HandoffStatus, string>> = {
  approved: 'badge badge-ok',
  auto_approved: 'badge badge-ok',
  rejected: 'badge badge-critical',
  failed: 'badge badge-critical',
  escalated: 'badge badge-warning',
  expired: 'badge badge-warning',
  claimed: 'badge badge-info',
};

export function StatusBadge({ status }: { status: HandoffStatus }) {
  return <span className={statusClass[status] ?? 'badge'}>{statusLabels[status]}</span>;
}

const slaText: Record<SlaState, string> = {
  breached: 'SLA breached',
  at_risk: 'SLA at risk',
  ok: 'Due',
};

/** Time left on the SLA, in words, with its state for colour and for screen readers. */
export function SlaBadge({ dueAt, now }: { dueAt: string; now: number }) {
  const state = slaState(dueAt, now);
  const left = Date.parse(dueAt) - now;
  const cls =
    state === 'breached'
      ? 'badge badge-critical'
      : state === 'at_risk'
        ? 'badge badge-warning'
        : 'badge';
  const when = left <= 0 ? `${formatDuration(-left)} ago` : `in ${formatDuration(left)}`;
  return (
    <span className={cls}>
      <time dateTime={dueAt} title={`Due ${formatDateTime(dueAt)}`}>
        {slaText[state]} {when}
      </time>
    </span>
  );
}
