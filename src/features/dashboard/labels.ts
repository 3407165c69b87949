import type { DashboardWindow, EscalationTrigger } from '../../api/dashboard-schemas';
import { flagRuleInfo } from '../../domain/flags';

export const windowLabels: Record<DashboardWindow, string> = {
  '8h': 'Last 8 hours',
  '24h': 'Last 24 hours',
  '72h': 'Last 3 days',
  '7d': 'Last 7 days',
};

export { categoryLabels } from '../../domain/labels';

export function triggerLabel(t: EscalationTrigger): string {
  if (t === 'person') return 'A reviewer escalated';
  if (t === 'system') return 'The system escalated (timeouts, SLA)';
  return flagRuleInfo[t].label;
}

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;

export { formatCount as count } from '../../lib/count';

/** "42 s", "3 min 5 s", "2 h 10 min": long enough to read aloud. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayClock = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
export const timeLabel = (iso: string, long: boolean) =>
  (long ? dayClock : clock).format(new Date(iso));
