import '../../api/zod-config';
import { z } from 'zod/mini';
import {
  type AuditListParams,
  actorTypeSchema,
  auditLogActionSchema,
} from '../../api/audit-schemas';
import { flagRuleSchema, isoDate } from '../../api/handoff-schemas';
import { withoutSelected } from '../../hooks/use-list-page';

/*
 * The audit screen's filters live in the URL, so a filtered view of the log is a link a
 * compliance reviewer can share. A malformed value falls back to "any" instead of failing.
 */

export const AUDIT_PAGE_SIZE = 100;

/** The router turns "4521" into a number; an id and a search are always text. */
const text = (max: number) =>
  z.catch(
    z.optional(
      z.pipe(
        z.transform((v: unknown) => (typeof v === 'number' ? String(v) : v)),
        z.string().check(z.maxLength(max)),
      ),
    ),
    undefined,
  );

export const auditSearchSchema = z.object({
  /** "person", "ai", "system", or one person's id. */
  actor: text(100),
  action: z.catch(z.optional(auditLogActionSchema), undefined),
  rule: z.catch(z.optional(flagRuleSchema), undefined),
  /** An item id or ticket number. */
  item: text(200),
  from: z.catch(z.optional(isoDate), undefined),
  to: z.catch(z.optional(isoDate), undefined),
  q: text(200),
  /** The highlighted entry; view state only. */
  selected: text(200),
});

export type AuditSearch = z.output<typeof auditSearchSchema>;
export type AuditFilterSearch = Omit<AuditSearch, 'selected'>;

export const filterDeps: (s: AuditSearch) => AuditFilterSearch = withoutSelected;

const actorTypes: readonly string[] = actorTypeSchema.options;

/** The URL's filters as the API's parameters (without cursor or page size). */
export function toAuditParams(s: AuditFilterSearch): AuditListParams {
  const actor = s.actor?.trim();
  const item = s.item?.trim();
  const q = s.q?.trim();
  return {
    actorType:
      actor && actorTypes.includes(actor) ? (actor as AuditListParams['actorType']) : undefined,
    actorId: actor && !actorTypes.includes(actor) ? actor : undefined,
    action: s.action ? [s.action] : undefined,
    rule: s.rule ? [s.rule] : undefined,
    item: item || undefined,
    from: s.from,
    to: s.to,
    q: q || undefined,
  };
}

export function hasActiveFilters(s: AuditFilterSearch): boolean {
  return Object.values(toAuditParams(s)).some((v) => v !== undefined);
}

/** A `datetime-local` value (local time) as an ISO instant, or undefined when blank. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
export function isoToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
