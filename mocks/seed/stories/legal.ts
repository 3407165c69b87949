import { money } from '../text';
import { templates } from './types';

/*
 * Legal tickets are where the policy keywords live naturally; one story deliberately has
 * none, so the legal queue is not flagged wholesale by its category alone.
 */
export const legalStories = templates('legal', 'en', {
  'legal-data-access'({ rng, customer }) {
    return {
      subject: rng.pick(['Subject access request', 'Request for my personal data (GDPR)']),
      message: [
        `Under the GDPR I am requesting a copy of all personal data you hold about me, including order history, marketing profiles and any call recordings. My account email is ${customer.email}.`,
        'Please confirm receipt and tell me when I can expect the data.',
      ],
      topic: 'personal data access request',
      reference: 'your data request',
      retrieve:
        'Retrieved the subject-access procedure (respond within one month, verify identity)',
      toolCall: `Opened privacy case PRV-${rng.int(1000, 9999)} and queued a data export`,
      reply: [
        "Thank you, we've received your request for a copy of your personal data and opened a privacy case for it.",
        "Before we send anything we need to confirm it's you: please reply from the email address on your account or sign in and confirm the request under Settings > Privacy. We will send the full export within one month of that confirmation.",
      ],
    };
  },
  'legal-erasure'({ rng }) {
    return {
      subject: rng.pick(['Delete my data', 'Erasure request']),
      message: [
        'I want you to delete every piece of personal data you have about me. I know my rights under data protection law and I expect written confirmation when it is done.',
      ],
      topic: 'data erasure request',
      reference: 'your erasure request',
      retrieve:
        'Retrieved the erasure procedure and legal retention exceptions (invoices kept 7 years)',
      toolCall: 'Checked the account: 1 open warranty claim, invoices within the retention period',
      reply: [
        "We've received your request to erase your personal data and will act on it within one month.",
        "Two things we have to keep by law: invoices for your past orders, which we must hold for seven years, and the details of your open warranty claim until it's closed. Everything else will be deleted, and we'll confirm in writing once it's done.",
      ],
    };
  },
  'legal-chargeback'({ rng, order, product }) {
    return {
      subject: rng.pick([`Chargeback for order #${order}`, 'I have disputed the payment']),
      message: [
        `I've had enough of waiting. I have filed a chargeback with my bank for order #${order} (${money(product.price)}) because the ${product.name} never worked properly and nobody replied to my return request.`,
      ],
      topic: 'chargeback notice',
      reference: `order #${order}`,
      retrieve: 'Retrieved the dispute-handling policy (do not refund while a dispute is open)',
      toolCall: `Looked up order #${order}: return request opened 12 days ago, unanswered; payment dispute received today`,
      minUrgency: 'high',
      reply: [
        `I'm sorry your return request for order #${order} went unanswered; that should not have happened.`,
        'Because your bank is now handling the payment, we can’t refund it separately without risking a double refund. We will tell the bank that we accept the return, which should settle it in your favour, and send you a prepaid label for the item.',
      ],
    };
  },
  'legal-injury'({ rng, order, smartProduct }) {
    return {
      subject: rng.pick([`${smartProduct.name} overheated`, 'Safety issue with your product']),
      message: [
        `The charger for my ${smartProduct.name} (order #${order}) got so hot last night that it melted the plug and burned my hand when I unplugged it.`,
        `I've kept everything and taken photos. ${rng.pick([
          'My attorney has advised me not to discuss details until you respond formally.',
          'My lawyer has advised me not to discuss details until you respond formally.',
          'I am considering legal action and will not discuss details until you respond formally.',
        ])}`,
      ],
      topic: 'product safety incident',
      reference: `order #${order}`,
      retrieve:
        'Retrieved the product-safety incident procedure (stop use, preserve item, notify safety team)',
      toolCall: `Opened safety incident SAF-${rng.int(100, 999)}; 2 similar reports for this charger batch`,
      attachments: rng.int(2, 5),
      minUrgency: 'critical',
      reply: [
        "I'm very sorry to hear you were hurt, and thank you for keeping the product and the photos.",
        `Please stop using the ${smartProduct.name} from order #${order} and its charger. Our product safety team has opened an incident and will contact you within one business day to arrange collection and to respond formally.`,
      ],
    };
  },
  'legal-terms'({ rng, company }) {
    const who = company ? `${company} buys` : 'I buy';
    return {
      subject: rng.pick(['Question about resale terms', 'Can I resell your products?']),
      message: [
        `${who} Lumen products in bulk and we would like to resell some refurbished units. Do your terms allow this, and does the warranty transfer to the new owner?`,
      ],
      topic: 'resale and warranty terms',
      reference: 'your question about resale',
      retrieve: 'Retrieved terms of sale section 9 (resale) and the warranty transfer clause',
      toolCall: null,
      reply: [
        'Our terms allow resale of products you have bought, including refurbished units, as long as they are not sold as new or under the Lumen brand as an authorised reseller.',
        'The two-year warranty transfers to the new owner with the original proof of purchase. For regular bulk resale, our business team can set up a reseller agreement with better terms; I can introduce you if that would help.',
      ],
    };
  },
});
