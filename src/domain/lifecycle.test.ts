import { handoffStatusSchema } from '../api/handoff-schemas';
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

  it('lets a person pause the AI or take an item from it, and only while it works', () => {
    expect(nextStatus('ai_working', 'pause')).toBe('pending');
    expect(nextStatus('ai_working', 'take_over')).toBe('claimed');
    expect(canTransition('pending', 'pause')).toBe(false);
    expect(canTransition('redirected', 'take_over')).toBe(false);
  });

  it('recovers a failed task by retry, take-over or reassignment, and nothing else', () => {
    expect(nextStatus('failed', 'retry')).toBe('ai_working');
    expect(nextStatus('failed', 'take_over')).toBe('claimed');
    expect(nextStatus('failed', 'reassign')).toBe('failed');
    for (const status of ['pending', 'claimed', 'escalated', 'ai_working'] as const) {
      expect(canTransition(status, 'retry')).toBe(false);
      expect(canTransition(status, 'reassign')).toBe(false);
    }
  });

  it('times a gate out only on an item a person could still decide', () => {
    for (const status of ['pending', 'claimed', 'escalated'] as const) {
      expect(nextStatus(status, 'expire')).toBe('expired');
    }
    expect(canTransition('ai_working', 'expire')).toBe(false);
    expect(canTransition('approved', 'expire')).toBe(false);
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
