import { describe, expect, it } from 'vitest';
import type { ProposedAction } from '../api/action-schemas';
import { actionChanges, sameActions } from './actions';

const refund = (amount: number): ProposedAction => ({ type: 'refund', amount, currency: 'USD' });
const blender: ProposedAction = { type: 'replacement', item: 'Blender, 1.5 l' };
const credit: ProposedAction = { type: 'store_credit', amount: 20, currency: 'USD' };

describe('actionChanges', () => {
  it('reads an edited amount as one change of that action, wherever it stands', () => {
    expect(actionChanges([blender, refund(649)], [refund(300), blender])).toEqual([
      'Refund $649.00 → Refund $300.00',
    ]);
  });

  it('reads removing the first action as one removal, not as the others changing', () => {
    expect(actionChanges([refund(649), blender, credit], [blender, credit])).toEqual([
      'Removed: Refund $649.00',
    ]);
  });

  it('lists an added action after the changes, and nothing when nothing changed', () => {
    expect(actionChanges([refund(649)], [refund(600), credit])).toEqual([
      'Refund $649.00 → Refund $600.00',
      'Added: Store credit $20.00',
    ]);
    expect(actionChanges([refund(649), blender], [blender, refund(649)])).toEqual([]);
    expect(sameActions([refund(649), blender], [blender, refund(649)])).toBe(true);
    expect(sameActions([refund(649)], [refund(648)])).toBe(false);
  });
});
