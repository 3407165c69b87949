// @vitest-environment node

import { handoffListParamsSchema } from './handoff-schemas';
import { decodeQuery, encodeQuery } from './query-string';

describe('query strings', () => {
  it('writes lists comma-separated, booleans and numbers as text, and leaves out what is unset', () => {
    const search = encodeQuery(handoffListParamsSchema, {
      status: ['pending', 'claimed'],
      level: [],
      slaAtRisk: true,
      q: '',
      limit: 50,
    });
    expect(search.toString()).toBe('status=pending%2Cclaimed&slaAtRisk=true&limit=50');
  });

  it('reads back what it wrote', () => {
    const params = {
      status: ['pending' as const],
      slaAtRisk: true,
      limit: 50,
      sort: 'dueAt' as const,
    };
    const read = decodeQuery(handoffListParamsSchema, encodeQuery(handoffListParamsSchema, params));
    expect(read.success && read.data).toEqual(params);
  });

  it('refuses a number that is not one, and a limit beyond the schema’s', () => {
    expect(decodeQuery(handoffListParamsSchema, new URLSearchParams('limit=lots')).success).toBe(
      false,
    );
    expect(decodeQuery(handoffListParamsSchema, new URLSearchParams('limit=501')).success).toBe(
      false,
    );
  });
});
