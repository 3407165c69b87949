import { membership } from '../catalog';
import { money, plural } from '../text';
import { templates } from './types';

export const billingStories = templates('billing', 'en', {
  'billing-double-charge'({ rng, order, product }) {
    const amount = product.price;
    return {
      subject: rng.pick([
        'Charged twice',
        `Double charge for order #${order}`,
        'Two payments taken for one order',
      ]),
      message: [
        `I was charged twice for order #${order}. My card statement shows two payments of ${money(amount)} on the same day, but I only placed one order.`,
        rng.pick([
          'Please refund the extra payment.',
          'Can you sort this out? I am now overdrawn because of it.',
        ]),
      ],
      topic: 'duplicate charge',
      reference: `order #${order}`,
      retrieve: 'Retrieved the duplicate-authorisation guide for card payments',
      toolCall: `Looked up payments for order #${order}: 2 authorisations of ${money(amount)}, 1 captured`,
      reply: [
        `I'm sorry about the duplicate charge on order #${order}. I checked the payment record and see two authorisations of ${money(amount)}: only one was actually taken, and the second is a pending hold that should have been released automatically.`,
        "I've asked our payments team to release the hold now. It will disappear from your statement within 3-5 business days, depending on your bank.",
        "If it still shows after that, reply here with a screenshot of the statement and I'll refund it directly.",
      ],
      choice: {
        topic: 'how to return the extra payment',
        options: () => [
          {
            label: 'Release the hold (3-5 days)',
            rationale:
              'Only one payment was captured; releasing the hold is the correct fix and costs nothing.',
            reply: [
              `I'm sorry about the duplicate charge on order #${order}. Only one payment of ${money(amount)} was taken; I've released the second hold, which clears in 3-5 business days.`,
            ],
          },
          {
            label: `Refund ${money(amount)} now`,
            rationale:
              'The customer says they are overdrawn; a refund lands sooner but we would be refunding money we never captured.',
            reply: [
              `I'm sorry about the duplicate charge on order #${order}. I've issued an immediate refund of ${money(amount)} so you're not out of pocket while the bank clears the hold.`,
            ],
          },
        ],
      },
    };
  },
  'billing-renewal-after-cancel'({ rng, firstName }) {
    const yearly = rng.chance(0.4);
    const price = yearly ? membership.yearly : membership.monthly;
    const ago = rng.int(1, 4);
    return {
      subject: rng.pick([
        `${membership.name} renewed after I cancelled`,
        'Unexpected membership charge',
      ]),
      message: [
        `You charged me ${money(price)} for ${membership.name} ${ago === 1 ? 'yesterday' : `${ago} days ago`}, but I cancelled my membership last month. I have the confirmation email.`,
        'I want this refunded and the membership closed for good.',
      ],
      topic: 'renewal after cancellation',
      reference: `your ${membership.name} membership`,
      retrieve: `Retrieved the ${membership.name} cancellation and refund terms`,
      toolCall: `Looked up ${firstName}'s membership: no cancellation on record; ${yearly ? 'yearly' : 'monthly'} plan renewed ${plural(ago, 'day')} ago`,
      reply: [
        `I'm sorry about the unexpected ${membership.name} charge. I can't find your cancellation in our system, which suggests it didn't go through, but you shouldn't pay for a membership you meant to end.`,
        `I've cancelled the membership now and refunded the ${money(price)} renewal in full; you'll see it on your statement in 3-5 business days.`,
        "If you forward me the confirmation email, I'll also pass it to our web team so this doesn't happen to anyone else.",
      ],
      choice: {
        topic: 'the renewal refund',
        options: () => [
          {
            label: `Full refund (${money(price)}) and cancel`,
            rationale:
              'The customer says they cancelled and has a confirmation; a refund is cheap compared with a dispute.',
            reply: [
              `I'm sorry about the unexpected charge. I've cancelled ${membership.name} and refunded the ${money(price)} renewal in full (3-5 business days).`,
            ],
          },
          {
            label: 'Keep the membership, 2 months free',
            rationale: 'Retains a member, but the customer was clear that they want to leave.',
            reply: [
              `I'm sorry about the unexpected charge. If you'd like to stay, I can add two free months to ${membership.name}; if not, just say so and I'll cancel and refund the renewal.`,
            ],
          },
        ],
      },
    };
  },
  'billing-refund-missing'({ rng, order, product }) {
    const days = rng.int(9, 20);
    const arn = `7${rng.int(1000000, 9999999)}${rng.int(1000000, 9999999)}`;
    return {
      subject: rng.pick(['Refund not received', `Still waiting for my refund (order #${order})`]),
      message: [
        `I returned the ${product.name} from order #${order} and you confirmed a refund of ${money(product.price)} ${days} days ago. I still don't have the money.`,
        'How much longer is this going to take?',
      ],
      topic: 'missing refund',
      reference: `order #${order}`,
      retrieve: 'Retrieved refund timelines by payment method',
      toolCall: `Looked up the refund for order #${order}: ${money(product.price)} sent to the card network ${days} days ago, reference ${arn}`,
      reply: [
        `I understand the wait is frustrating. I've checked order #${order}: we sent your refund of ${money(product.price)} to your card network ${days} days ago, so it has left us.`,
        `Banks can take up to 10 business days to show it. If you don't see it in the next three days, please give your bank this reference number: ${arn}. It lets them trace the payment straight away.`,
      ],
    };
  },
  'billing-invoice'({ rng, order, company }) {
    const buyer = company ?? 'my employer';
    const addressee = company ?? 'your employer';
    const invoice = `INV-${rng.int(200000, 299999)}`;
    return {
      subject: rng.pick(['Invoice with company details', `Invoice needed for order #${order}`]),
      message: [
        `Could you send me a proper invoice for order #${order}, made out to ${buyer} with our VAT number? The receipt from checkout isn't accepted by our finance team.`,
      ],
      topic: 'invoice request',
      reference: `order #${order}`,
      retrieve: 'Retrieved the invoice-correction procedure',
      toolCall: `Generated invoice ${invoice} for order #${order} addressed to ${company ?? "the customer's employer"}`,
      reply: [
        `Of course. I've generated invoice ${invoice} for order #${order}, addressed to ${addressee}, and attached it to this email as a PDF.`,
        "If your finance team needs the VAT number printed on it, reply with the number and I'll reissue the invoice within one business day.",
      ],
    };
  },
  'billing-price-drop'({ rng, order, product }) {
    const sale = Math.round(product.price * rng.pick([0.8, 0.85, 0.75]) * 100) / 100;
    const difference = Math.round((product.price - sale) * 100) / 100;
    return {
      subject: rng.pick(['Price dropped right after I bought', 'Price match request']),
      message: [
        `I bought the ${product.name} for ${money(product.price)} last week (order #${order}) and now it's on sale for ${money(sale)}.`,
        'Can I get the difference back, or do I have to return it and buy it again?',
      ],
      topic: 'price adjustment',
      reference: `order #${order}`,
      retrieve: 'Retrieved the 14-day price-protection policy',
      toolCall: `Looked up order #${order}: paid ${money(product.price)} 6 days ago; current price ${money(sale)}`,
      reply: [
        `Good timing: order #${order} is within our 14-day price protection, so there's no need to return anything.`,
        `I've refunded the difference of ${money(difference)} to your original payment method. It should show within 3-5 business days.`,
      ],
      choice: {
        topic: 'the price adjustment',
        options: () => [
          {
            label: `Refund the difference (${money(difference)})`,
            rationale:
              'Covered by the 14-day price protection; the customer asked for exactly this.',
            reply: [
              `Order #${order} is within our 14-day price protection, so I've refunded the difference of ${money(difference)} to your card.`,
            ],
          },
          {
            label: `Store credit of ${money(difference * 1.1)}`,
            rationale:
              'Credit plus 10% keeps the money with us, but the customer may read it as a catch.',
            reply: [
              `Order #${order} is within our 14-day price protection. I can refund the ${money(difference)} difference, or add ${money(difference * 1.1)} in store credit if you'd prefer; just let me know.`,
            ],
          },
        ],
      },
    };
  },
});
