/*
 * Failed sign-ins, counted per account id and per address over a sliding window. Over either
 * limit every attempt is refused until the window has moved on, whether or not the password
 * would have been right, and whether or not the account exists.
 */

export interface AttemptLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60 * 1000,
};

const MAX_TRACKED = 10_000;

export function signInAttempts(limits = DEFAULT_ATTEMPT_LIMITS, clock: () => number = Date.now) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((at) => at > now - limits.windowMs);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  const keys = (account: string, address: string) => ({
    account: `a:${account.toLowerCase()}`,
    address: `ip:${address}`,
  });
  return {
    /** Seconds to wait before another attempt, or null when one may be made now. */
    wait(account: string, address: string): number | null {
      const now = clock();
      const k = keys(account, address);
      const byAccount = recent(k.account, now);
      const byAddress = recent(k.address, now);
      const blocking = [
        byAccount.length >= limits.perAccount ? byAccount : null,
        byAddress.length >= limits.perAddress ? byAddress : null,
      ].filter((l): l is number[] => l !== null);
      if (!blocking.length) return null;
      const freeAt = Math.max(...blocking.map((l) => l[0]! + limits.windowMs));
      return Math.max(1, Math.ceil((freeAt - now) / 1000));
    },
    failed(account: string, address: string) {
      const now = clock();
      if (failures.size > MAX_TRACKED) {
        for (const key of [...failures.keys()]) recent(key, now);
      }
      for (const key of Object.values(keys(account, address))) {
        failures.set(key, [...recent(key, now), now]);
      }
    },
    /** A right password clears the account's count (not the address's). */
    succeeded(account: string) {
      failures.delete(keys(account, '').account);
    },
  };
}
