// @vitest-environment node

import fc from 'fast-check';
import { SearchText } from './list-columns';
import { sortedPositions } from './list-order';

/*
 * The queue's search and first sort are built for speed; they must answer exactly what the
 * plain computation answers: `includes` on every item's text, and a sort by key then id.
 */

describe('search over every item text at once', () => {
  it('finds exactly the items whose current text contains the query, after any rewrites', () => {
    // A small alphabet, so matches at the start and end of texts and across items are common.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ slot: fc.nat(12), text }), { minLength: 1, maxLength: 60 }),
        fc.array(
          fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é'), minLength: 1, maxLength: 3 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (writes, queries) => {
          const search = new SearchText();
          const current = new Map<number, string>();
          // Ask between writes too, so texts appended after a search are searched as well.
          writes.forEach(({ slot, text }, n) => {
            search.set(slot, text);
            current.set(slot, text);
            const q = queries[n % queries.length]!;
            const found = search.find(q);
            for (const [s, t] of current) expect([s, found[s] === 1]).toEqual([s, t.includes(q)]);
            expect(found.reduce((a, b) => a + b, 0)).toBe(
              [...current.values()].filter((t) => t.includes(q)).length,
            );
          });
        },
      ),
    );
  });
});

describe('the first sort of an order', () => {
  it('orders by key, then by id, as a comparison sort does', () => {
    const key = fc.oneof(
      fc.constantFrom(0, -0, 1, 1.5, -3, 1e12, 0.91),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_050 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ key, id: fc.constantFrom('h-1', 'h-10', 'h-2', 'h-3', 'h-20') })),
        (items) => {
          const positions = sortedPositions(
            Float64Array.from(items.map((i) => i.key)),
            items.map((i) => i.id),
          );
          const expected = items
            .map((item, n) => ({ ...item, n }))
            .sort((a, b) =>
              a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
            );
          const got = [...(positions ?? [])].map((n) => items[n]!);
          expect(got.map((i) => [i.key === 0 ? 0 : i.key, i.id])).toEqual(
            expected.map((i) => [i.key === 0 ? 0 : i.key, i.id]),
          );
          expect(new Set(positions).size).toBe(items.length);
        },
      ),
    );
  });

  it('declines keys that are not numbers, so the caller sorts them the slow way', () => {
    expect(sortedPositions(Float64Array.from([1, Number.NaN]), ['a', 'b'])).toBeNull();
  });
});
