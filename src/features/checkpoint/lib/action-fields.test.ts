import { describe, expect, it } from 'vitest';
import { readAction } from './action-fields';

const refund = (amount: string) => readAction({ type: 'refund', amount, currency: 'USD' });

describe('readAction', () => {
  it('reads amounts as people write them, to the cent', () => {
    expect(refund('300')).toEqual({
      ok: true,
      action: { type: 'refund', amount: 300, currency: 'USD' },
    });
    expect(refund(' 1,250.5 ')).toMatchObject({ ok: true, action: { amount: 1250.5 } });
  });

  it('names the field and what to do when the amount cannot be read', () => {
    for (const bad of ['', '12.345', '$20k', 'twenty', '-5', '1e3']) {
      expect(refund(bad)).toEqual({
        ok: false,
        field: 'amount',
        message: 'Enter an amount like 649.00.',
      });
    }
    expect(refund('0')).toMatchObject({ ok: false, message: /above 0/ });
    expect(refund('20000000')).toMatchObject({ ok: false, message: /up to 10,000,000/ });
  });

  it('asks for the words an action needs', () => {
    expect(readAction({ type: 'replacement', item: '  ' })).toMatchObject({
      ok: false,
      field: 'item',
    });
    expect(readAction({ type: 'account_change', description: 'Email changed' })).toEqual({
      ok: true,
      action: { type: 'account_change', description: 'Email changed' },
    });
  });
});
