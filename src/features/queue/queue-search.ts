import '../../api/zod-config';
import { z } from 'zod/mini';
import {
  type Category,
  categorySchema,
  type FlagRule,
  flagRuleSchema,
  type HandoffListParams,
  type HandoffStatus,
  handoffStatusSchema,
  type Level,
  levelSchema,
  sortFieldSchema,
  sortOrderSchema,
} from '../../api/handoff-schemas';
import { openStatuses } from '../../domain/lifecycle';
import { withoutSelected } from '../../hooks/use-list-page';

/*
 * The queue's view state lives in the URL so a filtered queue is a link one can share.
 * Lists are comma-separated ("category=legal,billing"), unknown values are dropped, and a
 * malformed value falls back to its default instead of failing the route.
 */

export const QUEUE_PAGE_SIZE = 100;

/** `status=all` lifts the status filter; without `status` the queue shows the open statuses. */
export const ALL_STATUSES = 'all';
export const OPEN_STATUSES = openStatuses.join(',');

/** Keeps the known values of a comma list, in the contract's order, without duplicates. */
function canonicalList<T extends string>(options: readonly T[], raw: string | string[]): T[] {
  const parts = new Set((Array.isArray(raw) ? raw : raw.split(',')).map((s) => s.trim()));
  return options.filter((o) => parts.has(o));
}

function csvList<T extends string>(options: readonly T[]) {
  return z.catch(
    z.optional(
      z.pipe(
        z.union([z.string(), z.array(z.string())]),
        z.transform((raw) => {
          const kept = canonicalList(options, raw);
          return kept.length ? kept.join(',') : undefined;
        }),
      ),
    ),
    undefined,
  );
}

/** The router turns "4521" into a number; a search box and an id are always text. */
const text = (schema: z.ZodMiniString) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v)),
    schema,
  );

export const queueSearchSchema = z.object({
  status: z.catch(
    z._default(
      z.pipe(
        z.union([z.string(), z.array(z.string())]),
        z.transform((raw) => {
          if (raw === ALL_STATUSES) return ALL_STATUSES;
          const kept = canonicalList(handoffStatusSchema.options, raw);
          return kept.length ? kept.join(',') : OPEN_STATUSES;
        }),
      ),
      OPEN_STATUSES,
    ),
    OPEN_STATUSES,
  ),
  level: csvList(levelSchema.options),
  category: csvList(categorySchema.options),
  flag: csvList(flagRuleSchema.options),
  assignee: z.catch(z._default(z.enum(['any', 'me', 'unassigned']), 'any'), 'any'),
  slaAtRisk: z.catch(z._default(z.boolean(), false), false),
  /** One team's id; team ids are the lead's to choose, so any short slug is kept. */
  team: z.catch(z.optional(text(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)))), undefined),
  myTeams: z.catch(z._default(z.boolean(), false), false),
  q: z.catch(z._default(text(z.string().check(z.maxLength(200))), ''), ''),
  sort: z.catch(z._default(sortFieldSchema, 'priority'), 'priority'),
  /** Absent: the server's natural order for the sort (priority high first, the rest ascending). */
  order: z.catch(z.optional(sortOrderSchema), undefined),
  /** The highlighted row; kept in the URL so Back returns to the same place. */
  selected: z.catch(z.optional(text(z.string().check(z.maxLength(200)))), undefined),
});

export type QueueSearch = z.output<typeof queueSearchSchema>;
export type QueueSearchInput = z.input<typeof queueSearchSchema>;

/** Defaults, stripped from the URL so a plain /queue stays plain. */
export const queueSearchDefaults = {
  status: OPEN_STATUSES,
  assignee: 'any',
  slaAtRisk: false,
  myTeams: false,
  q: '',
  sort: 'priority',
} as const satisfies Partial<QueueSearch>;

/** What the loader depends on: every field except the highlighted row. */
export type QueueFilterSearch = Omit<QueueSearch, 'selected'>;

export const filterDeps: (search: QueueSearch) => QueueFilterSearch = withoutSelected;

export function splitList<T extends string>(options: readonly T[], value: string | undefined): T[] {
  return value ? canonicalList(options, value) : [];
}

export const selectedStatuses = (status: string): HandoffStatus[] | null =>
  status === ALL_STATUSES ? null : splitList(handoffStatusSchema.options, status);

export const selectedLevels = (search: Pick<QueueSearch, 'level'>): Level[] =>
  splitList(levelSchema.options, search.level);
export const selectedCategories = (search: Pick<QueueSearch, 'category'>): Category[] =>
  splitList(categorySchema.options, search.category);
export const selectedFlags = (search: Pick<QueueSearch, 'flag'>): FlagRule[] =>
  splitList(flagRuleSchema.options, search.flag);

/** The URL's view state as the API's list parameters (without the cursor). */
export function toListParams(search: QueueFilterSearch): Omit<HandoffListParams, 'cursor'> {
  const status = selectedStatuses(search.status);
  const level = selectedLevels(search);
  const category = selectedCategories(search);
  const flag = selectedFlags(search);
  const q = search.q.trim();
  return {
    status: status?.length ? status : undefined,
    level: level.length ? level : undefined,
    category: category.length ? category : undefined,
    flag: flag.length ? flag : undefined,
    assignee: search.assignee === 'any' ? undefined : search.assignee,
    slaAtRisk: search.slaAtRisk || undefined,
    team: search.team ? [search.team] : undefined,
    myTeams: search.myTeams || undefined,
    q: q || undefined,
    sort: search.sort,
    order: search.order,
    limit: QUEUE_PAGE_SIZE,
  };
}

/** Adds or removes one value of a comma list; an empty list becomes undefined. */
export function toggleInList<T extends string>(
  options: readonly T[],
  current: string | undefined,
  value: T,
): string | undefined {
  const values = new Set(splitList(options, current));
  if (values.has(value)) values.delete(value);
  else values.add(value);
  const next = options.filter((o) => values.has(o));
  return next.length ? next.join(',') : undefined;
}

/** Toggles one status; switching the last one off shows every status. */
export function toggleStatus(current: string, status: HandoffStatus): string {
  const base = selectedStatuses(current) ?? [];
  return toggleInList(handoffStatusSchema.options, base.join(','), status) ?? ALL_STATUSES;
}

/** True when anything narrows the queue beyond the default view. */
export function hasActiveFilters(search: QueueFilterSearch): boolean {
  return (
    search.status !== OPEN_STATUSES ||
    Boolean(search.level || search.category || search.flag) ||
    search.assignee !== 'any' ||
    search.slaAtRisk ||
    search.q.trim() !== ''
  );
}

/** The search that clears every filter but keeps the sort. */
export function clearedFilters(search: QueueSearch): QueueSearchInput {
  return { sort: search.sort, order: search.order };
}
