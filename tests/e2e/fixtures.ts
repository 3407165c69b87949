import AxeBuilder from '@axe-core/playwright';
import {
  type APIRequestContext,
  type Browser,
  test as base,
  expect,
  type Page,
} from '@playwright/test';
import { requiredLevelFor } from '../../src/domain/authority';
import { defaultLadder } from '../../src/domain/default-ladder';
import { detectCommitments } from '../../src/domain/promises';

/** Where the backend runs: in the browser (demo build) or as the real HTTP server. */
export type Backend = 'demo' | 'server';

/** The key under which the app keeps who this browser acts as (src/stores/session-store.ts). */
const SESSION_STORAGE_KEY = 'handoff-desk.session';

/**
 * The key of this browser's preferences (src/stores/preferences-store.ts). Journeys start with the
 * demo's guided tour already dismissed, so it never stands between a test and its screen; the
 * tour's own journeys open a context without it.
 */
export const PREFERENCES_STORAGE_KEY = 'handoff-desk.preferences';
const TOUR_DISMISSED = JSON.stringify({ state: { tourDone: true }, version: 0 });

/*
 * Every journey starts from a freshly seeded world.
 *   demo:   the world lives in IndexedDB, so each test's new browser context (empty storage) is
 *           a new world; the in-browser backend answers once the first screen renders.
 *   server: one world on the server for the whole run, so before each test it is reset to the
 *           seed (the server runs with --allow-reset); tests run one at a time.
 */
export const test = base.extend<
  { desk: Desk; world: undefined; api: ServerApi },
  { backend: Backend }
>({
  backend: ['demo', { option: true, scope: 'worker' }],

  context: async ({ context }, use) => {
    await context.addInitScript(
      ([key, value]) => {
        if (key && value && window.localStorage.getItem(key) === null)
          window.localStorage.setItem(key, value);
      },
      [PREFERENCES_STORAGE_KEY, TOUR_DISMISSED],
    );
    await use(context);
  },

  world: [
    async ({ backend, request }, use) => {
      if (backend === 'server') {
        const res = await request.post('/api/demo/reset', {
          headers: { 'X-Actor-Id': 'u-ana' },
        });
        expect(res.status(), 'POST /api/demo/reset restores the seed').toBe(204);
      }
      await use(undefined);
    },
    { auto: true },
  ],

  api: async ({ request }, use) => {
    await use(new ServerApi(request));
  },

  desk: async ({ page }, use) => {
    await use(new Desk(page));
  },
});
export { expect };

export class Desk {
  constructor(readonly page: Page) {}

  async openQueue(query = '') {
    await this.page.goto(`/queue${query}`);
    await expect(this.page.getByRole('grid', { name: 'Handoffs' })).toBeVisible();
  }

  async openHandoff(id: string) {
    await this.page.goto(`/handoffs/${id}`);
    await expect(this.editor).toBeVisible();
  }

  get editor() {
    return this.page.getByRole('textbox', { name: 'Reply to customer' });
  }

  get actingAs() {
    return this.page.getByLabel('Acting as');
  }

  actions() {
    return this.page.getByRole('region', { name: /actions/i });
  }

  async actAs(name: RegExp) {
    const option = this.actingAs.locator('option', { hasText: name });
    await this.actingAs.selectOption((await option.getAttribute('value')) ?? '');
  }

  /** Serious or critical accessibility violations on the current screen. */
  async seriousViolations() {
    const results = await new AxeBuilder({ page: this.page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
}

/**
 * A browser of its own acting as `actorId` from the first load (the session is set in local
 * storage, as the "Acting as" select leaves it). The caller closes the context.
 */
export async function reviewerBrowser(browser: Browser, baseURL: string, actorId: string) {
  const context = await browser.newContext({
    baseURL,
    storageState: {
      cookies: [],
      origins: [
        {
          origin: new URL(baseURL).origin,
          localStorage: [
            {
              name: SESSION_STORAGE_KEY,
              value: JSON.stringify({ state: { actorId }, version: 0 }),
            },
            { name: PREFERENCES_STORAGE_KEY, value: TOUR_DISMISSED },
          ],
        },
      ],
    },
  });
  const page = await context.newPage();
  return { context, page, desk: new Desk(page) };
}

interface HandoffSummary {
  id: string;
  dueAt: string;
  ticketNumber: number;
  status: string;
  level: string;
  assignee: unknown;
  gate: unknown;
  flags: { rule: string; hardStop: boolean }[];
}

interface HandoffDetail {
  id: string;
  ticket: {
    number: number;
    category: 'billing' | 'shipping' | 'technical' | 'account' | 'legal';
    followUps?: { at: string }[];
  };
  version: number;
  drafts: { text: string; createdAt: string }[];
  context: { options: unknown[]; flags: { hardStop: boolean }[] };
}

/** L1 may approve the draft as it stands: it promises nothing beyond L1's authority. */
function withinL1(detail: HandoffDetail): boolean {
  const draft = detail.drafts.at(-1);
  if (!draft) return false;
  const needed = requiredLevelFor(
    detectCommitments(draft.text),
    defaultLadder,
    detail.ticket.category,
  );
  return needed === 'ai' || needed === 'l1';
}

/** The customer wrote after the draft: approving needs the new message acknowledged first. */
function stale(detail: HandoffDetail): boolean {
  const draftAt = Date.parse(detail.drafts.at(-1)?.createdAt ?? '');
  return (detail.ticket.followUps ?? []).some((m) => Date.parse(m.at) > draftAt);
}

/** Read-only look-ups against the server project's API (`/api` on the same origin). */
export class ServerApi {
  constructor(private readonly request: APIRequestContext) {}

  async get<T>(path: string, actorId = 'u-ana'): Promise<T> {
    const res = await this.request.get(`/api${path}`, { headers: { 'X-Actor-Id': actorId } });
    expect(res.ok(), `GET /api${path} answers ${res.status()}`).toBe(true);
    return (await res.json()) as T;
  }

  /**
   * An unclaimed pending L1 shipping item anyone at L1 can approve at once: no hard-stop flag,
   * no choice between options, no approval gate running, nothing beyond L1's authority, no
   * unread customer message.
   */
  async plainPendingItem(): Promise<HandoffDetail> {
    const list = await this.get<{ items: HandoffSummary[] }>(
      '/handoffs?status=pending&assignee=unassigned&category=shipping&level=l1&limit=50',
    );
    for (const item of list.items) {
      if (item.gate || item.flags.some((f) => f.hardStop || f.rule === 'multiple_options')) {
        continue;
      }
      // A breached item is escalated to L2 by the server's SLA job within a second: not plain.
      if (Date.parse(item.dueAt) < Date.now() + 30 * 60_000) continue;
      const detail = await this.get<HandoffDetail>(`/handoffs/${item.id}`);
      if (
        detail.context.options.length < 2 &&
        !detail.context.flags.some((f) => f.hardStop) &&
        withinL1(detail) &&
        !stale(detail)
      ) {
        return detail;
      }
    }
    throw new Error('The seeded world has no plain pending shipping item at L1.');
  }
}
