// @vitest-environment node
import { JsonTexts } from './json-text';

const item = {
  id: 'h-1',
  ticket: { subject: 'Refund "now"', body: 'line\nbreak \u2028 é', attachments: 2 },
  assignee: null,
  gate: undefined,
  dueAt: new Date('2026-11-25T09:00:00.000Z'),
  drafts: [{ number: 1, text: 'Hi', actions: [{ type: 'reply' }] }],
  confidence: 0.92,
  missing: Number.NaN,
};
const event = { id: 'e-1', handoffId: 'h-1', at: '2026-11-25T09:00:00.000Z', team: null };

describe('JSON texts of one commit', () => {
  it('writes every value exactly as JSON.stringify does', () => {
    const texts = new JsonTexts();
    for (const value of [item, event, [item, 1, null], 'text', 42, null, true, {}]) {
      expect(texts.of(value)).toBe(JSON.stringify(value));
    }
  });

  it('builds a reply and its idempotency record around the item’s text, with the same result', () => {
    const texts = new JsonTexts();
    // As a commit writes them: the item and its event first, then the record holding the reply.
    texts.of(item);
    texts.of(event);
    const reply = { handoff: item, event, skipped: undefined, fn: () => 1 };
    const record = { fingerprint: 'f0', status: 200, body: reply, at: 1764061200000 };
    expect(texts.of(record)).toBe(JSON.stringify(record));
    expect(texts.reusing(reply)).toBe(JSON.stringify(reply));
    expect(JSON.parse(texts.of(record))).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('reuses nothing it has not made, so a reply nobody stored is left to the transport', () => {
    const texts = new JsonTexts();
    expect(texts.reusing({ handoff: item })).toBeUndefined();
    expect(texts.reusing('text')).toBeUndefined();
    texts.of(item);
    expect(texts.reusing(item)).toBe(JSON.stringify(item));
  });

  it('leaves an object with its own toJSON to JSON.stringify', () => {
    const texts = new JsonTexts();
    texts.of(item);
    const custom = { handoff: item, toJSON: () => ({ replaced: true }) };
    expect(texts.of(custom)).toBe('{"replaced":true}');
    const around = { handoff: item, custom, at: new Date(0) };
    expect(texts.of(around)).toBe(JSON.stringify(around));
  });
});
