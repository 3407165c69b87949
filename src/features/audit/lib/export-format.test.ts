import {
  type AuditEntry,
  auditEntrySchema,
  feedbackRecordSchema,
} from '../../../api/audit-schemas';
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRow, csvCell, jsonLine } from './export-format';

/** A small RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const event: AuditEntry = {
  kind: 'event',
  id: 'e-1',
  handoffId: 'h-4521',
  ticketNumber: 4521,
  category: 'legal',
  at: '2026-11-25T09:00:00.000Z',
  actor: { type: 'person', id: 'u-ana', name: 'Ana "the closer" Ortiz' },
  action: 'rejected',
  why: {
    reason: '=HYPERLINK("http://evil.example","click"), then, a\nsecond line',
    rule: null,
    confidence: 0.82,
  },
  outcome: 'Draft rejected; nothing sent',
  version: 4,
  diff: null,
  timeOnItemMs: 42_000,
  acknowledgedFlags: ['policy_keyword', 'high_value'],
};

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
  });

  it('keeps spreadsheet formulas as text', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and one line per entry that read back to the entry', () => {
    const text = auditCsvHeader() + auditCsvRow(event);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row] = parseCsv(text);
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const cells = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(cells).toMatchObject({
      at: event.at,
      kind: 'event',
      actor_type: 'person',
      actor_name: 'Ana "the closer" Ortiz',
      action: 'rejected',
      reason: `'${event.why.reason}`,
      confidence: '0.82',
      version: '4',
      item_id: 'h-4521',
      ticket_number: '4521',
      acknowledged_flags: 'policy_keyword high_value',
      time_on_item_ms: '42000',
      details: '',
    });
  });

  it('writes a policy change with its changes as details', () => {
    const policy: AuditEntry = {
      kind: 'policy',
      id: 'policy-v2',
      at: '2026-11-25T09:00:00.000Z',
      actor: { type: 'person', id: 'u-femi', name: 'Femi' },
      action: 'policy_changed',
      why: { reason: 'Too many escalations', rule: null, confidence: null },
      outcome: 'Routing policy changed (v1 → v2): 2 setting(s)',
      version: 2,
      previousVersion: 1,
      changes: ['Billing: confidence threshold 90% → 93%', '-Shipping: sample rate 0% → 5%'],
      rules: [],
    };
    const [, row] = parseCsv(auditCsvHeader() + auditCsvRow(policy));
    expect(row![AUDIT_CSV_COLUMNS.indexOf('details')]).toBe(
      'Billing: confidence threshold 90% → 93%\n-Shipping: sample rate 0% → 5%',
    );
    expect(row![AUDIT_CSV_COLUMNS.indexOf('item_id')]).toBe('');
  });
});

describe('JSONL', () => {
  it('writes one object per line that parses back to its schema', () => {
    const record = feedbackRecordSchema.parse({
      id: 'e-9',
      handoffId: 'h-1',
      ticketNumber: 1,
      correction: 'edit',
      at: '2026-11-25T09:00:00.000Z',
      reviewer: { type: 'person', id: 'u-ben', name: 'Ben' },
      category: 'billing',
      confidence: 0.91,
      aiDraft: 'Hello,\nline two',
      draftNumber: 1,
      finalText: 'Hello,\nline two\nP.S.',
      diff: '+P.S.',
      reason: null,
      labels: ['low_confidence'],
    });
    const text = jsonLine(event) + jsonLine(record);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(auditEntrySchema.parse(JSON.parse(lines[0]!))).toEqual(event);
    expect(feedbackRecordSchema.parse(JSON.parse(lines[1]!))).toEqual(record);
  });
});
