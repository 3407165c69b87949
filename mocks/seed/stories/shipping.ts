import { money, plural } from '../text';
import { templates } from './types';

const newAddresses = [
  '14 Elm Street, Apt 3B',
  '220 Harbour Road',
  '7 Mill Lane, Unit 2',
  '58 Kingsway, Flat 11',
];

export const shippingStories = templates('shipping', 'en', {
  'shipping-delay'({ rng, firstName, order, product, carrier, tracking }) {
    const days = rng.int(8, 16);
    const stall = rng.int(4, days - 3);
    const trace = `TR-${rng.int(100000, 999999)}`;
    return {
      subject: rng.pick([
        `Order #${order} still not here`,
        `Where is my ${product.name}?`,
        `Delivery delayed - order #${order}`,
      ]),
      message: [
        `I ordered the ${product.name} (order #${order}) ${days} days ago and it still hasn't arrived. The tracking page has said "in transit" for ${plural(stall, 'day')} with no newer update.`,
        rng.pick([
          'I need it by the weekend. Can you tell me what is going on?',
          `Could you check with ${carrier} and let me know when I can expect it?`,
          'It was meant to be a birthday present, so I really need to know if it is going to show up.',
        ]),
      ],
      topic: 'delayed delivery',
      reference: `order #${order}`,
      retrieve: `Retrieved the late-delivery policy and ${firstName}'s last orders`,
      toolCall: `Looked up order #${order}: shipped ${days - 1} days ago with ${carrier}, last scan ${plural(stall, 'day')} ago`,
      reply: [
        `I'm sorry your ${product.name} hasn't arrived yet. I've looked up order #${order}: it left our warehouse ${days - 1} days ago with ${carrier}, but the last scan was ${plural(stall, 'day')} ago, which is longer than it should be.`,
        `I've opened a trace with ${carrier} (reference ${trace}) and they have committed to an update within 24 hours. If the parcel hasn't moved in the next two days, I'll send a replacement by express shipping at no cost to you.`,
        `You can follow the parcel at any time with tracking number ${tracking}.`,
      ],
      choice: {
        topic: 'the compensation offer',
        options: () => [
          {
            label: 'Trace, then reship in 2 days',
            rationale: `Most ${carrier} parcels that stall this long are found within two days; reshipping at once risks sending two.`,
            reply: [
              `I'm sorry your ${product.name} hasn't arrived yet. Order #${order} left us ${days - 1} days ago, but ${carrier} hasn't scanned it for ${plural(stall, 'day')}.`,
              `I've opened a trace (reference ${trace}). If the parcel hasn't moved in two days, I'll send a replacement by express shipping at no cost.`,
            ],
          },
          {
            label: 'Express replacement now',
            rationale: `The parcel has been stuck for ${plural(stall, 'day')} and ${firstName} has a deadline; reshipping now is fastest but costs a second unit if the first turns up.`,
            reply: [
              `I'm sorry your ${product.name} hasn't arrived. Rather than make you wait any longer, I've sent a replacement by express shipping today; it should reach you in 1-2 business days.`,
              `If the original parcel turns up, just refuse it and ${carrier} will return it to us.`,
            ],
          },
          {
            label: `Full refund (${money(product.price)})`,
            rationale:
              'Ends the wait immediately; we lose the sale and the customer may still want the item.',
            reply: [
              `I'm sorry order #${order} has taken this long. I've refunded ${money(product.price)} to your original payment method; you'll see it in 3-5 business days.`,
              'If the parcel arrives after all, you can keep it or refuse delivery, whichever is easier.',
            ],
          },
        ],
      },
    };
  },
  'shipping-damaged'({ rng, order, product }) {
    const delivered = rng.int(0, 3);
    const when =
      delivered === 0 ? 'today' : delivered === 1 ? 'yesterday' : `${delivered} days ago`;
    return {
      subject: rng.pick([
        `${product.name} arrived damaged`,
        `Broken ${product.part} on delivery`,
        `Damaged item, order #${order}`,
      ]),
      message: [
        `My ${product.name} arrived ${when} but the ${product.part} is cracked. The box was dented on one corner, so I think it happened in transit. I've attached photos.`,
        `Can you send a replacement? The order number is #${order}.`,
      ],
      topic: 'damaged item',
      reference: `order #${order}`,
      retrieve: 'Retrieved the damaged-in-transit policy (no return needed under $300)',
      toolCall: `Looked up order #${order}: delivered ${when}; replacement stock available`,
      attachments: rng.int(1, 3),
      reply: [
        `I'm sorry the ${product.name} arrived with a cracked ${product.part}. Thank you for the photos; they show the damage clearly.`,
        `I've set up a free replacement for order #${order}. It ships today and should reach you in 2-4 business days, and there's no need to send the damaged one back.`,
      ],
      choice: {
        topic: 'replacement or refund',
        options: () => [
          {
            label: 'Free replacement',
            rationale: 'The customer asked for a replacement and stock is available.',
            reply: [
              `I'm sorry the ${product.name} arrived damaged. A free replacement for order #${order} ships today (2-4 business days); please keep or recycle the damaged one.`,
            ],
          },
          {
            label: `Refund ${money(product.price)}`,
            rationale:
              'Faster to settle, but the customer asked for the product, not their money back.',
            reply: [
              `I'm sorry the ${product.name} arrived damaged. I've refunded ${money(product.price)} for order #${order}; it will reach your card in 3-5 business days.`,
            ],
          },
        ],
      },
    };
  },
  'shipping-wrong-item'({ rng, order, product, carrier }) {
    const [wanted, got] = twoColors(product.colors, rng.int(0, 5));
    const partial = Math.round(product.price * 0.15 * 100) / 100;
    return {
      subject: rng.pick([
        `Wrong colour sent (order #${order})`,
        `Received the wrong ${product.name}`,
      ]),
      message: [
        `I ordered the ${product.name} in ${wanted} (order #${order}) but the box I received has the ${got} one.`,
        "I'd rather have the colour I ordered. How do I swap it?",
      ],
      topic: 'wrong item sent',
      reference: `order #${order}`,
      retrieve: 'Retrieved the exchange policy for picking errors',
      toolCall: `Looked up order #${order}: ordered ${wanted}, warehouse packed ${got} (picking error)`,
      reply: [
        `You're right: order #${order} was for the ${wanted} ${product.name}, and our warehouse packed the ${got} one by mistake. Sorry about that.`,
        `I've sent the ${wanted} one today by express shipping, and emailed you a prepaid return label for the ${got} one. Just drop it at any ${carrier} point within 30 days.`,
      ],
      choice: {
        topic: 'how to fix the mix-up',
        options: () => [
          {
            label: 'Swap by express, prepaid return',
            rationale: 'Gives the customer exactly what they ordered; costs one express shipment.',
            reply: [
              `Sorry for the mix-up on order #${order}. The ${wanted} ${product.name} ships today by express, and a prepaid return label for the ${got} one is on its way to your inbox.`,
            ],
          },
          {
            label: `Keep it with a 15% refund (${money(partial)})`,
            rationale:
              'Cheaper for us and no return trip, but only if the customer is happy with the colour.',
            reply: [
              `Sorry for the mix-up on order #${order}. If you're happy to keep the ${got} ${product.name}, I can refund ${money(partial)} (15%) straight away; otherwise I'll swap it for the ${wanted} one.`,
            ],
          },
        ],
      },
    };
  },
  'shipping-address-change'({ rng, order }) {
    const address = rng.pick(newAddresses);
    return {
      subject: rng.pick(['Change delivery address', `Wrong address on order #${order}`]),
      message: [
        `I just realised order #${order} is going to my old address. I moved last week! Can you change it to ${address}?`,
      ],
      topic: 'address change',
      reference: `order #${order}`,
      retrieve: 'Retrieved the address-change rules (possible until dispatch)',
      toolCall: `Looked up order #${order}: not yet dispatched; delivery address can still be changed`,
      reply: [
        `Good news: order #${order} hasn't left our warehouse yet, so I've changed the delivery address to ${address}.`,
        "You'll get a confirmation email within the hour showing the new address. Delivery is still expected in 2-3 business days.",
      ],
    };
  },
  'shipping-not-received'({ rng, order, product, carrier, tracking }) {
    const hour = rng.int(9, 17);
    return {
      subject: rng.pick(['Marked as delivered but not received', `Order #${order} never arrived`]),
      message: [
        `Tracking for order #${order} says it was delivered yesterday at ${hour > 12 ? hour - 12 : hour}${hour >= 12 ? 'pm' : 'am'}, but nothing came. I was home all day and I've checked with my neighbours.`,
        'What happens now?',
      ],
      topic: 'parcel marked delivered but missing',
      reference: `order #${order}`,
      retrieve: 'Retrieved the missing-parcel procedure',
      toolCall: `Queried ${carrier} for ${tracking}: marked delivered, no photo or GPS confirmation`,
      reply: [
        `I'm sorry, that's frustrating, especially when you were home to receive it. ${carrier} marked order #${order} (tracking ${tracking}) as delivered but has no photo or GPS confirmation of the drop-off.`,
        `I've filed a missing-parcel claim with ${carrier}. Parcels marked delivered sometimes turn up within 48 hours; if your ${product.name} hasn't by then, reply to this email and I'll send a replacement straight away.`,
      ],
      choice: {
        topic: 'whether to reship now',
        options: () => [
          {
            label: 'Claim with carrier, reship after 48h',
            rationale:
              'Standard procedure; about a third of "delivered" parcels surface within two days.',
            reply: [
              `I'm sorry your ${product.name} (order #${order}) hasn't turned up. I've filed a claim with ${carrier}; if it hasn't appeared within 48 hours, I'll send a replacement.`,
            ],
          },
          {
            label: 'Reship today',
            rationale: `No delivery proof from ${carrier}; faster for the customer, and the claim still covers our cost.`,
            reply: [
              `I'm sorry your ${product.name} (order #${order}) hasn't turned up. ${carrier} has no proof of delivery, so I've sent a replacement today and filed a claim with them myself.`,
            ],
          },
        ],
      },
    };
  },
});

/** Two different colours where the product has them; single-colour products get a variant name. */
function twoColors(colors: readonly string[], shift: number): [string, string] {
  if (colors.length < 2)
    return [`${colors[0] ?? 'standard'} (EU plug)`, `${colors[0] ?? 'standard'} (US plug)`];
  const first = colors[shift % colors.length] as string;
  const second = colors[(shift + 1) % colors.length] as string;
  return [first, second];
}
