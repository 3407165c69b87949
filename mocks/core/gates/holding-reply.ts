import type { Handoff } from '../../../src/api/handoff-schemas';

/**
 * The short reply the customer gets when a gate times out with the safe default: an honest
 * "we're on it", promising nothing a person has not approved.
 */
export function holdingReply(item: Handoff): string {
  const first = item.ticket.customer.name.split(' ')[0] ?? item.ticket.customer.name;
  return [
    `Hi ${first},`,
    `Thanks for your patience with ticket #${item.ticket.number}. Your request needs a closer look from a senior member of our team, and I've passed it on to them with everything you've told us. You'll hear back from a person soon; there's no need to write again.`,
    'Best regards,\nCustomer Support',
  ].join('\n\n');
}
