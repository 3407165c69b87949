import { handoffStatusSchema } from '../api/schemas';
import { canTransition, claimableStatuses, isFinal, isOpen, nextStatus } from './lifecycle';

describe('handoff lifecycle', () => {
  it('lets a pending item be claimed, decided, escalated or redirected', () => {
    expect(nextStatus('pending', 'claim')).toBe('claimed');
    expect(nextStatus('pending', 'approve')).toBe('approved');
    expect(nextStatus('claimed', 'reject')).toBe('rejected');
    expect(nextStatus('claimed', 'escalate')).toBe('escalated');
    expect(nextStatus('claimed', 'redirect')).toBe('redirected');
  });

  it('returns a redirected item to its reviewer once the AI has revised the draft', () => {
    expect(nextStatus('redirected', 'ai_revised')).toBe('claimed');
    expect(canTransition('redirected', 'approve')).toBe(false);
  });

  it('never lets a decided item change again', () => {
    for (const status of ['approved', 'rejected', 'auto_approved', 'expired'] as const) {
      expect(isFinal(status)).toBe(true);
      expect(canTransition(status, 'approve')).toBe(false);
      expect(canTransition(status, 'claim')).toBe(false);
    }
  });

  it('does not approve a failed item: the reviewer must troubleshoot, reject or escalate', () => {
    expect(canTransition('failed', 'approve')).toBe(false);
    expect(nextStatus('failed', 'escalate')).toBe('escalated');
  });

  it('only releases an item that is held', () => {
    expect(nextStatus('claimed', 'release')).toBe('pending');
    expect(canTransition('pending', 'release')).toBe(false);
  });

  it('classifies every status as open or not, and claimable ones are open', () => {
    for (const status of handoffStatusSchema.options) {
      expect(typeof isOpen(status)).toBe('boolean');
    }
    for (const status of claimableStatuses) expect(isOpen(status)).toBe(true);
    expect(isOpen('ai_working')).toBe(false);
  });
});
