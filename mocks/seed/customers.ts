import type { Customer, Tier } from '../../src/api/handoff-schemas';
import { companies, consumerDomains, firstNames, lastNames } from './catalog';
import type { Random } from './random';

export interface SeedCustomer {
  /** Shared by all of this customer's tickets: a large world holds each person once. */
  customer: Customer;
  firstName: string;
  company: string | null;
}

/*
 * A pool smaller than the ticket count, so some customers write more than once, as real
 * ones do. Value and complaint history follow the tier: enterprise accounts buy for whole
 * offices, and a few consumers are heavy spenders who cross the high-value limit anyway.
 */
export function createCustomers(rng: Random, size: number): SeedCustomer[] {
  const pool: SeedCustomer[] = [];
  for (let i = 0; i < size; i += 1) pool.push(createCustomer(rng, i + 1));
  return pool;
}

/**
 * The share of an inbox's tickets from someone it has not heard from lately. Drawing every
 * ticket from a small pool would have its regulars write every few minutes at a busy floor's
 * rates, and the anomaly rule would rightly call that a burst.
 */
export const NEW_CUSTOMER_SHARE = 0.7;

/**
 * Who writes the next ticket: mostly a new customer (given the id `newId` makes of how many new
 * ones came before), otherwise one of the regulars `regular` draws.
 */
export function inboxCustomers(
  rng: Random,
  regular: () => SeedCustomer,
  newId: (n: number) => string,
): () => SeedCustomer {
  let fresh = 0;
  return () => {
    if (!rng.chance(NEW_CUSTOMER_SHARE)) return regular();
    const [made] = createCustomers(rng, 1) as [SeedCustomer];
    fresh += 1;
    return { ...made, customer: { ...made.customer, id: newId(fresh) } };
  };
}

const tierWeights: readonly (readonly [Tier, number])[] = [
  ['standard', 70],
  ['plus', 24],
  ['enterprise', 6],
];

function createCustomer(rng: Random, n: number): SeedCustomer {
  const firstName = rng.pick(firstNames);
  const lastName = rng.pick(lastNames);
  const tier = rng.weighted(tierWeights);
  const company = tier === 'enterprise' ? rng.pick(companies) : null;
  const handle = `${ascii(firstName)}.${ascii(lastName)}`;
  return {
    firstName,
    company: company?.name ?? null,
    customer: {
      id: `c-${n}`,
      name: `${firstName} ${lastName}`,
      email: company
        ? `${handle}@${company.domain}`
        : `${handle}${n % 7 === 0 ? n % 100 : ''}@${rng.pick(consumerDomains)}`,
      tier,
      lifetimeValue: lifetimeValue(rng, tier),
      priorComplaints: rng.weighted([
        [0, 68],
        [1, 18],
        [2, 8],
        [3, 4],
        [rng.int(4, 7), 2],
      ]),
    },
  };
}

function lifetimeValue(rng: Random, tier: Tier): number {
  switch (tier) {
    case 'standard':
      return rng.chance(0.01) ? rng.int(10_000, 14_000) : rng.int(30, 2_400);
    case 'plus':
      return rng.chance(0.08) ? rng.int(10_000, 22_000) : rng.int(600, 9_500);
    case 'enterprise':
      return rng.int(18_000, 240_000);
  }
}

// Spelled out rather than Unicode-normalised, so addresses never depend on the runtime's ICU.
const plainLetters: Record<string, string> = {
  ä: 'a',
  á: 'a',
  é: 'e',
  í: 'i',
  ñ: 'n',
  ö: 'o',
  ó: 'o',
  ü: 'u',
  ú: 'u',
};

function ascii(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, (c) => plainLetters[c] ?? '');
}
