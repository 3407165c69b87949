import type { Category, Customer } from '../../../src/api/handoff-schemas';
import type { Product } from '../catalog';
import type { Random } from '../random';
import type { Language } from '../text';

/** What a story may draw on: one customer, one order, one parcel. */
export interface StoryContext {
  rng: Random;
  customer: Customer;
  firstName: string;
  /** The customer's employer, for enterprise accounts. */
  company: string | null;
  order: string;
  product: Product;
  /** A product that pairs with the app, for stories about connectivity and firmware. */
  smartProduct: Product;
  carrier: string;
  tracking: string;
}

export interface StoryOption {
  label: string;
  rationale: string;
  /** The reply's middle paragraphs if this option is chosen. */
  reply: string[];
}

/**
 * One support conversation: the customer's side, what the AI looked at, and the reply it
 * drafted. Greeting, signature and sign-off are added per channel and language later.
 */
export interface Story {
  subject: string;
  message: string[];
  /** A few words for the classifier's summary and the audit trail, e.g. "damaged item". */
  topic: string;
  /** What the customer would quote back: "order #48213", "your account". */
  reference: string;
  retrieve: string;
  toolCall: string | null;
  reply: string[];
  /**
   * Alternatives the AI weighs; the first is the one it recommends and drafts. Written only
   * when asked for, since most tickets in a large world never show them.
   */
  choice?: { topic: string; options: () => StoryOption[] };
  attachments?: number;
  /** The lowest urgency this kind of request deserves. */
  minUrgency?: 'high' | 'critical';
}

/** What the AI's timeline and trail quote from a story once the ticket is written. */
export type StoryFacts = Pick<Story, 'topic' | 'reference' | 'retrieve' | 'toolCall'>;

export interface StoryTemplate {
  id: string;
  category: Category;
  language: Language;
  write(ctx: StoryContext): Story;
}

/** How one story template writes its story. */
export type StoryWriter = (ctx: StoryContext) => Story;

/**
 * Templates of one category written in one language, from their writers keyed by template id
 * (the keys' order is the order they are drawn from).
 */
export function templates(
  category: Category,
  language: Language,
  writers: Record<string, StoryWriter>,
): StoryTemplate[] {
  return Object.entries(writers).map(([id, write]) => ({ id, category, language, write }));
}
