import {
  ALL_STATUSES,
  clearedFilters,
  filterDeps,
  hasActiveFilters,
  OPEN_STATUSES,
  queueSearchSchema,
  toggleInList,
  toggleStatus,
  toListParams,
} from './queue-search';

const parse = (raw: Record<string, unknown>) => queueSearchSchema.parse(raw);

describe('queue search params', () => {
  it('defaults to the open queue, by priority, with nothing else narrowing it', () => {
    const search = parse({});
    expect(search).toEqual({
      status: OPEN_STATUSES,
      assignee: 'any',
      myTeams: false,
      slaAtRisk: false,
      q: '',
      sort: 'priority',
    });
    expect(hasActiveFilters(filterDeps(search))).toBe(false);
    expect(toListParams(filterDeps(search))).toEqual({
      status: ['pending', 'claimed', 'escalated', 'failed'],
      sort: 'priority',
      limit: 100,
    });
  });

  it('reads readable comma lists, dropping unknown values and duplicates', () => {
    const search = parse({
      category: 'legal,nonsense,billing,legal',
      level: 'l2',
      flag: 'policy_keyword',
    });
    expect(search.category).toBe('billing,legal');
    expect(toListParams(filterDeps(search))).toMatchObject({
      category: ['billing', 'legal'],
      level: ['l2'],
      flag: ['policy_keyword'],
    });
  });

  it('falls back instead of failing on a malformed URL', () => {
    const search = parse({
      status: 'bogus',
      category: 42,
      assignee: 'everyone',
      slaAtRisk: 'maybe',
      sort: 'sideways',
      order: 'up',
    });
    expect(search).toEqual({
      status: OPEN_STATUSES,
      category: undefined,
      assignee: 'any',
      myTeams: false,
      slaAtRisk: false,
      q: '',
      sort: 'priority',
      order: undefined,
    });
  });

  it('keeps a numeric search and id as text (the router parses "4521" as a number)', () => {
    const search = parse({ q: 4521, selected: 17 });
    expect(search.q).toBe('4521');
    expect(search.selected).toBe('17');
    expect(toListParams(filterDeps(search)).q).toBe('4521');
  });

  it('status=all lifts the status filter', () => {
    const search = parse({ status: ALL_STATUSES });
    expect(toListParams(filterDeps(search)).status).toBeUndefined();
    expect(hasActiveFilters(filterDeps(search))).toBe(true);
  });

  it('sends only what narrows the list', () => {
    const search = parse({
      assignee: 'me',
      slaAtRisk: true,
      q: '  refund  ',
      sort: 'dueAt',
      order: 'desc',
    });
    expect(toListParams(filterDeps(search))).toMatchObject({
      assignee: 'me',
      slaAtRisk: true,
      q: 'refund',
      sort: 'dueAt',
      order: 'desc',
    });
  });

  it('toggles list values in a stable order', () => {
    const options = ['a', 'b', 'c'] as const;
    expect(toggleInList(options, undefined, 'b')).toBe('b');
    expect(toggleInList(options, 'c', 'a')).toBe('a,c');
    expect(toggleInList(options, 'a,c', 'a')).toBe('c');
    expect(toggleInList(options, 'c', 'c')).toBeUndefined();
  });

  it('toggling statuses: off the last one shows everything; from everything starts a new list', () => {
    expect(toggleStatus(OPEN_STATUSES, 'pending')).toBe('claimed,escalated,failed');
    expect(toggleStatus(OPEN_STATUSES, 'approved')).toBe(
      'pending,claimed,approved,escalated,failed',
    );
    expect(toggleStatus('failed', 'failed')).toBe(ALL_STATUSES);
    expect(toggleStatus(ALL_STATUSES, 'expired')).toBe('expired');
  });

  it('clearing filters keeps the sort', () => {
    const search = parse({
      category: 'legal',
      q: 'x',
      sort: 'confidence',
      order: 'desc',
      selected: 'h-1',
    });
    expect(clearedFilters(search)).toEqual({ sort: 'confidence', order: 'desc' });
  });
});
