import { describe, expect, it } from 'vitest';
import { defaultFlagPolicy } from '../../../src/domain/flags';
import { findKeywordHits } from '../../../src/domain/flags-keywords';
import { products } from '../catalog';
import { createRandom } from '../random';
import { allTemplates } from '.';
import type { StoryContext } from './types';

function context(seed: number): StoryContext {
  const product = products[3] ?? products[0];
  if (!product) throw new Error('no products');
  return {
    rng: createRandom(seed),
    customer: {
      id: 'c-1',
      name: 'Grace Okafor',
      email: 'grace.okafor@example.com',
      tier: 'standard',
      lifetimeValue: 800,
      priorComplaints: 0,
    },
    firstName: 'Grace',
    company: null,
    order: '51234',
    product,
    smartProduct: products[0] ?? product,
    carrier: 'ParcelCo',
    tracking: 'PA1234567890',
  };
}

const keywords = (text: string) =>
  findKeywordHits({ subject: '', body: text }, defaultFlagPolicy.policyKeywords);

describe('story templates', () => {
  it('cover every category, with several stories each', () => {
    for (const category of ['billing', 'shipping', 'technical', 'account', 'legal']) {
      expect(allTemplates.filter((t) => t.category === category).length).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(allTemplates.map((t) => [t.id, t] as const))(
    '%s reads as a reply to this customer',
    (_, template) => {
      for (let seed = 1; seed <= 5; seed += 1) {
        const story = template.write(context(seed));
        expect(story.subject.length).toBeGreaterThan(5);
        expect(story.message.join(' ').length).toBeGreaterThan(40);
        expect(story.reply.length).toBeGreaterThan(0);
        const reply = story.reply.join(' ');
        // The reply speaks to the request: it names the order when the customer gave one.
        if (story.message.join(' ').includes('#51234')) expect(reply).toContain('51234');
        for (const option of story.choice?.options() ?? []) {
          expect(option.label.length).toBeGreaterThan(3);
          expect(option.rationale.length).toBeGreaterThan(20);
          expect(option.reply.join(' ').length).toBeGreaterThan(40);
        }
        // Only legal requests carry policy keywords on their own; elsewhere a threat adds them.
        if (template.category !== 'legal')
          expect(keywords(`${story.subject}\n${story.message.join('\n')}`)).toEqual([]);
        expect(keywords(reply)).toEqual([]);
      }
    },
  );

  it('gives legal stories their policy keywords, except the plain terms question', () => {
    for (const template of allTemplates.filter((t) => t.category === 'legal')) {
      const story = template.write(context(1));
      const hits = keywords(story.message.join('\n'));
      if (template.id === 'legal-terms') expect(hits).toEqual([]);
      else expect(hits.length).toBeGreaterThan(0);
    }
  });
});
