import type { Page } from '@playwright/test';

/*
 * New tickets for the journeys: one customer, Robin, writing by email, and an arrival sent from
 * the page itself, so the demo's in-browser backend (service worker) and the HTTP server both
 * receive it the same way.
 */

export interface TicketText {
  customerId: string;
  subject: string;
  body: string;
  category: string;
  /** Robin's name and address, when one journey needs several Robins. */
  name?: string;
  email?: string;
}

/** A standard-tier customer's email, normal urgency, in English, with no attachments. */
export function robinTicket(t: TicketText) {
  return {
    customer: {
      id: t.customerId,
      name: t.name ?? 'Robin Example',
      email: t.email ?? 'robin@example.com',
      tier: 'standard',
      lifetimeValue: 240,
      priorComplaints: 0,
    },
    channel: 'email',
    subject: t.subject,
    body: t.body,
    category: t.category,
    urgency: 'normal',
    language: 'en',
    attachments: 0,
  };
}

export interface Arrival {
  ticket: ReturnType<typeof robinTicket>;
  ai: { draft: string; confidence: number };
}

/**
 * Posts `arrival` as the lead Femi from inside `page`; the new item as the server answered it
 * (an answer other than 201 throws with its text). `keyPrefix` starts the idempotency key.
 */
export async function arriveFromPage<H>(page: Page, keyPrefix: string, arrival: Arrival) {
  return page.evaluate(
    async ({ keyPrefix, arrival }) => {
      const res = await fetch('/api/handoffs/arrivals', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'X-Actor-Id': 'u-femi',
          'Idempotency-Key': `${keyPrefix}-${Date.now()}`,
        },
        body: JSON.stringify(arrival),
      });
      if (res.status !== 201)
        throw new Error(`arrival answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { handoff: unknown };
      return body.handoff;
    },
    { keyPrefix, arrival },
  ) as Promise<H>;
}
