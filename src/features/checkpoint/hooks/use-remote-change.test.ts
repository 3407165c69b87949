import type { HandoffChangedEvent } from '../../../api/handoff-schemas';
import { describeRemoteChange } from './use-remote-change';

const change = (patch: Partial<HandoffChangedEvent>): HandoffChangedEvent => ({
  type: 'handoff.changed',
  id: 'h-1',
  version: 2,
  status: 'claimed',
  assignee: { id: 'u-ben', name: 'Ben Okafor' },
  by: { id: 'u-ben', name: 'Ben Okafor' },
  at: '2026-11-25T09:00:00.000Z',
  ...patch,
});

describe('describeRemoteChange', () => {
  it('names who did what to the open item', () => {
    expect(describeRemoteChange(change({}))).toBe('Ben Okafor just claimed this item');
    expect(describeRemoteChange(change({ status: 'pending', assignee: null }))).toBe(
      'Ben Okafor just released this item',
    );
    expect(describeRemoteChange(change({ status: 'approved' }))).toBe(
      'Ben Okafor just decided it: Approved',
    );
    expect(describeRemoteChange(change({ status: 'escalated', assignee: null }))).toBe(
      'Ben Okafor just decided it: Escalated',
    );
    expect(describeRemoteChange(change({ by: null, status: 'expired' }))).toBe(
      'Someone just decided it: Expired',
    );
  });
});
