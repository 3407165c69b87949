import type { Flag } from '../../../api/handoff-schemas';
import { highlightSegments } from './highlight';

const flag = (rule: Flag['rule'], evidence: Flag['evidence']): Flag => ({
  rule,
  severity: 'critical',
  hardStop: rule === 'policy_keyword',
  message: '',
  humanAction: '',
  evidence,
});

describe('highlightSegments', () => {
  it('marks each evidence span and keeps the rest as plain text', () => {
    const text = 'I will take legal action and call my lawyer.';
    const segments = highlightSegments(text, 'body', [
      flag('policy_keyword', [
        { field: 'body', start: 12, end: 24 },
        { field: 'body', start: 37, end: 43 },
      ]),
    ]);
    expect(segments).toEqual([
      { text: 'I will take ', rules: [] },
      { text: 'legal action', rules: ['policy_keyword'] },
      { text: ' and call my ', rules: [] },
      { text: 'lawyer', rules: ['policy_keyword'] },
      { text: '.', rules: [] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('merges overlapping spans, ignores other fields and clamps bad offsets', () => {
    const text = 'abcdefghij';
    const segments = highlightSegments(text, 'body', [
      flag('policy_keyword', [
        { field: 'body', start: 2, end: 5 },
        { field: 'subject', start: 0, end: 3 },
      ]),
      flag('anomaly', [
        { field: 'body', start: 4, end: 7 },
        { field: 'body', start: 8, end: 99 },
        { field: 'body', start: 50, end: 60 },
      ]),
    ]);
    expect(segments).toEqual([
      { text: 'ab', rules: [] },
      { text: 'cdefg', rules: ['policy_keyword', 'anomaly'] },
      { text: 'h', rules: [] },
      { text: 'ij', rules: ['anomaly'] },
    ]);
  });

  it('returns the whole text when nothing is flagged', () => {
    expect(highlightSegments('hello', 'subject', [])).toEqual([{ text: 'hello', rules: [] }]);
    expect(highlightSegments('', 'body', [])).toEqual([{ text: '', rules: [] }]);
  });
});
