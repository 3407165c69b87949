import type { Category } from '../../../src/api/handoff-schemas';
import type { Random } from '../random';
import { accountStories } from './account';
import { billingStories } from './billing';
import { foreignStories } from './foreign';
import { legalStories } from './legal';
import { shippingStories } from './shipping';
import { technicalStories } from './technical';
import type { StoryTemplate } from './types';

/** Roughly the mix of a retail support inbox: parcels and payments dominate, legal is rare. */
const categoryWeights: readonly (readonly [Category, number])[] = [
  ['shipping', 32],
  ['billing', 25],
  ['technical', 20],
  ['account', 16],
  ['legal', 7],
];

const english: Record<Category, StoryTemplate[]> = {
  shipping: shippingStories,
  billing: billingStories,
  technical: technicalStories,
  account: accountStories,
  legal: legalStories,
};

/** Share of customers who write in Spanish, German or French. */
const foreignShare = 0.1;

export function pickTemplate(rng: Random): StoryTemplate {
  if (rng.chance(foreignShare)) return rng.pick(foreignStories);
  return rng.pick(english[rng.weighted(categoryWeights)]);
}

export const allTemplates: readonly StoryTemplate[] = [
  ...Object.values(english).flat(),
  ...foreignStories,
];
