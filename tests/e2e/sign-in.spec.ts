import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequest, Browser, Locator, Page } from '@playwright/test';
import { Desk, expect, ServerApi, test } from './fixtures';
import {
  freePort,
  type IdentityProvider,
  type SignInServer,
  startIdentityProvider,
  startSignInServer,
} from './sign-in-servers';

/*
 * Signing in to a server started as a team starts it: no insecure flag, people added by the
 * admin command, and an identity provider of its own. Runs in the server project only.
 */

const PASSWORD = 'correct horse battery staple';
const people = [
  { id: 'u-rae', name: 'Rae Diaz', role: 'reviewer', level: 'l1', password: PASSWORD },
  { id: 'u-lee', name: 'Lee Park', role: 'lead', level: 'l2', password: PASSWORD },
  // Signs in through the provider only: linked by email on the first sign-in.
  { id: 'u-sam', name: 'Sam Ito', role: 'reviewer', level: 'l1', email: 'sam@example.test' },
];

let desk: SignInServer;
let idp: IdentityProvider;

test.beforeAll(async ({ backend }) => {
  if (backend !== 'server') return;
  const port = await freePort();
  idp = await startIdentityProvider(`http://127.0.0.1:${port}`);
  desk = await startSignInServer(people, {
    port,
    oidc: idp,
    grants: ['support-leads=lead:manager'],
  });
});
test.afterAll(async () => {
  await desk?.stop();
  await idp?.close();
});
test.beforeEach(({ backend }) => {
  test.skip(backend !== 'server', 'people sign in to a server; the demo has its switcher');
});

async function signIn(page: Page, id: string, password = PASSWORD) {
  await page.getByLabel('User id').fill(id);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Through the provider's own pages, which accept any login and then ask for consent. Its
 * `lead-…` logins are in the support-leads group.
 */
async function signInWithProvider(page: Page, login: string) {
  await page.goto(`${desk.origin}/`);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
}

/** The API as the signed-in browser reaches it: its cookies, nothing else. */
async function apiOf(page: Page, playwright: { request: APIRequest }) {
  const request = await playwright.request.newContext({
    baseURL: desk.origin,
    storageState: await page.context().storageState(),
  });
  return { request, api: new ServerApi(request) };
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('a reviewer signs in with a local account, decides, and signs out', async ({
  browser,
  playwright,
}) => {
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${desk.origin}/queue`);
    await expect(page.getByRole('heading', { name: 'Sign in to Handoff Desk' })).toBeVisible();
    expect(await new Desk(page).seriousViolations()).toEqual([]);
    await expect(page.getByRole('link', { name: 'Sign in with Example SSO' })).toBeVisible();

    await signIn(page, 'u-rae', 'not the password');
    await expect(page.getByRole('alert')).toHaveText(
      'The user id or password is not right, or this account cannot sign in.',
    );
    await signIn(page, 'u-rae');
    await expect(page.getByText('Signed in as')).toContainText('Rae Diaz');
    await expect(page.getByLabel('Acting as')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Insecure identity' })).toHaveCount(0);
    await page.goto(`${desk.origin}/queue`);
    await expect(page.getByRole('grid', { name: 'Handoffs' })).toBeVisible();
    expect(await new Desk(page).seriousViolations()).toEqual([]);

    const { request, api } = await apiOf(page, playwright);
    const item = await api.plainPendingItem();
    await page.goto(`${desk.origin}/handoffs/${item.id}`);
    await expect(new Desk(page).editor).toBeEditable();
    await page.getByRole('button', { name: /^Approve/ }).click();
    await expect(page.getByText(`Approved ticket #${item.ticket.number}`)).toBeVisible();
    // The trail's who is the person who signed in.
    const trail = await api.get<{ items: { action: string; actor: { id: string } }[] }>(
      `/handoffs/${item.id}/events`,
    );
    expect(trail.items.find((e) => e.action === 'approved')?.actor.id).toBe('u-rae');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Handoff Desk' })).toBeVisible();
    // The cookie the browser held names no one any more.
    expect((await request.get('/api/me')).status()).toBe(401);
    await request.dispose();
  } finally {
    await context.close();
  }
});

test('only naming an actor is not signing in', async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: desk.origin });
  const reply = await request.get('/api/handoffs', { headers: { 'X-Actor-Id': 'u-femi' } });
  expect(reply.status()).toBe(401);
  expect(reply.headers()['content-type']).toBe('application/problem+json');
  expect(((await reply.json()) as { detail: string }).detail).toMatch(/sign in/i);
  await request.dispose();
});

/**
 * A person edits a reply; elsewhere they sign out everywhere, so this browser's session ends on
 * the server. Approving then asks them to sign in again (`signInAgain`), after which the
 * approval goes through once, with the edit.
 */
async function sessionEndsMidEdit(
  { browser, playwright }: { browser: Browser; playwright: { request: APIRequest } },
  signInAs: (page: Page) => Promise<void>,
  addition: string,
  signInAgain: (dialog: Locator, page: Page) => Promise<void>,
) {
  const { context, page } = await freshPage(browser);
  const other = await freshPage(browser);
  try {
    await signInAs(page);
    const { request, api } = await apiOf(page, playwright);
    const item = await api.plainPendingItem();
    await request.dispose();
    await page.goto(`${desk.origin}/handoffs/${item.id}`);
    const editor = new Desk(page).editor;
    await expect(editor).toBeEditable();
    await editor.press('End');
    await editor.pressSequentially(addition);
    await expect(page.getByText(/Saved to server/)).toBeVisible();

    await signInAs(other.page);
    await other.page.keyboard.press('Alt+Shift+Q');
    await expect(
      other.page.getByRole('heading', { name: 'Sign in to Handoff Desk' }),
    ).toBeVisible();

    await page.getByRole('button', { name: /^Approve with edits/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Your session ended' });
    await expect(dialog).toBeVisible();
    expect(await new Desk(page).seriousViolations()).toEqual([]);
    await signInAgain(dialog, page);
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Approved ticket #${item.ticket.number}`)).toBeVisible();

    const after = await apiOf(page, playwright);
    const trail = await after.api.get<{ items: { action: string; actor: { id: string } }[] }>(
      `/handoffs/${item.id}/events`,
    );
    expect(trail.items.filter((e) => e.action === 'approved')).toHaveLength(1);
    const decided = await after.api.get<{ outcome: { finalText: string } | null }>(
      `/handoffs/${item.id}`,
    );
    expect(JSON.stringify(decided)).toContain(addition.trim());
    await after.request.dispose();
  } finally {
    await other.context.close();
    await context.close();
  }
}

test('a session that ends mid-edit asks to sign in again, keeps the edit and decides once', async ({
  browser,
  playwright,
}) => {
  await sessionEndsMidEdit(
    { browser, playwright },
    async (page) => {
      await page.goto(`${desk.origin}/queue`);
      await signIn(page, 'u-rae');
      await expect(page.getByText('Signed in as')).toContainText('Rae Diaz');
    },
    ' Rae confirmed the new delivery date with the carrier.',
    async (dialog) => {
      await expect(dialog.getByLabel('User id')).toHaveValue('u-rae');
      await dialog.getByLabel('Password').fill(PASSWORD);
      await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    },
  );
});

/**
 * The provider's pages in a popup, as they come: its login and consent, or none at all when it
 * remembers the person and sends the popup straight back (which then closes itself).
 */
async function passProvider(popup: Page, login: string) {
  const closed = popup.waitForEvent('close').then(() => true);
  const loginField = popup.locator('input[name="login"]');
  const consent = popup.locator('button[type="submit"]', { hasText: 'Continue' });
  const shown = loginField
    .or(consent)
    .waitFor()
    .then(() => false);
  if (await Promise.race([closed, shown])) return;
  if (await loginField.isVisible()) {
    await loginField.fill(login);
    await popup.locator('input[name="password"]').fill('anything');
    await popup.locator('button[type="submit"]').click();
  }
  await consent.click();
  await closed;
}

test('a provider-only session that ends mid-edit signs in again in a popup, keeps the edit and decides once', async ({
  browser,
  playwright,
}) => {
  await sessionEndsMidEdit(
    { browser, playwright },
    async (page) => {
      await signInWithProvider(page, 'sam');
      await expect(page.getByText('Signed in as')).toContainText('Sam Ito');
    },
    ' Sam checked the tracking with the carrier.',
    async (dialog, page) => {
      // The provider opens beside the page, which keeps everything unsent on it.
      const popupOpened = page.waitForEvent('popup');
      await dialog.getByRole('button', { name: 'Sign in with Example SSO' }).click();
      await passProvider(await popupOpened, 'sam');
    },
  );
});

test('a person signs in through the identity provider; a stranger waits for a lead', async ({
  browser,
}) => {
  const { context, page } = await freshPage(browser);
  try {
    await signInWithProvider(page, 'sam');
    await expect(page.getByText('Signed in as')).toContainText('Sam Ito');
    await expect(page).toHaveURL(`${desk.origin}/queue`);

    // Someone the desk does not know gets no access, and is told why.
    const stranger = await freshPage(browser);
    try {
      await signInWithProvider(stranger.page, 'kim');
      await expect(stranger.page.getByText(/has not given you access yet/)).toBeVisible();
    } finally {
      await stranger.context.close();
    }

    // A lead sees the stranger waiting, with the trail of both.
    const lead = await freshPage(browser);
    try {
      await lead.page.goto(`${desk.origin}/`);
      await signIn(lead.page, 'u-lee');
      await lead.page.getByRole('link', { name: 'People' }).click();
      await expect(lead.page.getByRole('heading', { name: 'People' })).toBeVisible();
      const kim = lead.page.getByRole('row', { name: /kim@example\.test/ });
      await expect(kim.getByRole('button', { name: 'Enable Kim' })).toBeVisible();
      expect(await new Desk(lead.page).seriousViolations()).toEqual([]);
      await lead.page.getByRole('button', { name: 'Sam Ito', exact: true }).click();
      await expect(
        lead.page.getByRole('region', { name: 'Sign-in trail of Sam Ito' }),
      ).toContainText('Signed in (oidc)');
    } finally {
      await lead.context.close();
    }
  } finally {
    await context.close();
  }
});

test('a lead adds a person and sets a new password; each is checked at the field and audited', async ({
  browser,
}) => {
  const lead = await freshPage(browser);
  const newcomer = await freshPage(browser);
  try {
    await lead.page.goto(`${desk.origin}/`);
    await signIn(lead.page, 'u-lee');
    await lead.page.getByRole('link', { name: 'People' }).click();
    // On the queue `n` claims the next item: the key waits for the People screen.
    await expect(lead.page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    await lead.page.keyboard.press('n');
    const add = lead.page.getByRole('dialog', { name: 'Add a person' });
    await add.getByLabel('User id').fill('u-rae');
    await add.getByLabel('Name').fill('Noor Haddad');
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect(add.getByText('Give a first password, or an email')).toBeVisible();
    await add.getByLabel(/First password/).fill(PASSWORD);
    await add.getByLabel('Level').selectOption('l2');
    await add.getByRole('button', { name: 'Add person' }).click();
    // The server knows the id is taken and says so at the field.
    await expect(add.getByText('The user id "u-rae" is taken.')).toBeVisible();
    await expect(add.getByLabel('User id')).toHaveAttribute('aria-invalid', 'true');
    expect(await new Desk(lead.page).seriousViolations()).toEqual([]);
    await add.getByLabel('User id').fill('u-noor');
    await add.getByRole('button', { name: 'Add person' }).click();
    await expect(add).toBeHidden();
    await expect(lead.page.getByRole('row', { name: /Noor Haddad/ })).toBeVisible();

    await newcomer.page.goto(`${desk.origin}/`);
    await signIn(newcomer.page, 'u-noor');
    await expect(newcomer.page.getByText('Signed in as')).toContainText('Noor Haddad · L2');

    // Noor forgot the password: the lead sets a new one, and Noor's session ends with it.
    await lead.page.keyboard.press('p');
    const reset = lead.page.getByRole('dialog', { name: 'Set a new password for Noor Haddad' });
    await reset.getByLabel(/New password/).fill('too short');
    await reset.getByRole('button', { name: 'Set password' }).click();
    await expect(reset.getByText('A password has at least 12 characters.')).toBeVisible();
    await reset.getByLabel(/New password/).fill('a fresh passphrase for noor');
    await reset.getByRole('button', { name: 'Set password' }).click();
    await expect(reset.getByRole('status')).toContainText('signed out everywhere');
    await lead.page.keyboard.press('Escape');
    await expect(
      lead.page.getByRole('region', { name: 'Sign-in trail of Noor Haddad' }),
    ).toContainText('Password reset (admin) by Lee Park');
    await newcomer.page.reload();
    await expect(
      newcomer.page.getByRole('heading', { name: 'Sign in to Handoff Desk' }),
    ).toBeVisible();
    await signIn(newcomer.page, 'u-noor', 'a fresh passphrase for noor');
    await expect(newcomer.page.getByText('Signed in as')).toContainText('Noor Haddad');
  } finally {
    await newcomer.context.close();
    await lead.context.close();
  }
});

test('a person in a mapped directory group signs in at what the group grants', async ({
  browser,
}) => {
  const { context, page } = await freshPage(browser);
  try {
    await signInWithProvider(page, 'lead-mira');
    await expect(page.getByText('Signed in as')).toContainText('Lead-mira · Manager');
    await expect(page.getByRole('link', { name: 'People' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('two people signed in in two browsers each act as themselves', async ({
  browser,
  playwright,
}) => {
  const rae = await freshPage(browser);
  const lee = await freshPage(browser);
  try {
    await rae.page.goto(`${desk.origin}/`);
    await signIn(rae.page, 'u-rae');
    await lee.page.goto(`${desk.origin}/`);
    await signIn(lee.page, 'u-lee');
    await expect(rae.page.getByText('Signed in as')).toContainText('Rae Diaz');
    await expect(lee.page.getByText('Signed in as')).toContainText('Lee Park');

    const decided: Record<string, string> = {};
    for (const [who, { page }] of [
      ['u-rae', rae],
      ['u-lee', lee],
    ] as const) {
      const { request, api } = await apiOf(page, playwright);
      const item = await api.plainPendingItem();
      await request.dispose();
      await page.goto(`${desk.origin}/handoffs/${item.id}`);
      await expect(new Desk(page).editor).toBeEditable();
      await page.getByRole('button', { name: /^Approve/ }).click();
      await expect(page.getByText(`Approved ticket #${item.ticket.number}`)).toBeVisible();
      decided[who] = item.id;
    }
    const { request, api } = await apiOf(lee.page, playwright);
    for (const [who, id] of Object.entries(decided)) {
      const trail = await api.get<{ items: { action: string; actor: { id: string } }[] }>(
        `/handoffs/${id}/events`,
      );
      expect(trail.items.find((e) => e.action === 'approved')?.actor.id, id).toBe(who);
    }
    await request.dispose();
    // Each browser still says who it is after a reload: one session per browser.
    await rae.page.reload();
    await expect(rae.page.getByText('Signed in as')).toContainText('Rae Diaz');
    await lee.page.reload();
    await expect(lee.page.getByText('Signed in as')).toContainText('Lee Park');
  } finally {
    await lee.context.close();
    await rae.context.close();
  }
});

test('a page on another origin cannot write with a signed-in person’s cookie', async ({
  browser,
  playwright,
}) => {
  // Same host, another port: the browser sends the SameSite cookie along, so only the
  // server's Origin and client-header checks stand in the way.
  const evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><form method="post" action="${desk.origin}/api/handoffs/claim-next">` +
        '<button>Win a prize</button></form>',
    );
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  const { context, page } = await freshPage(browser);
  try {
    await page.goto(`${desk.origin}/`);
    await signIn(page, 'u-rae');
    await expect(page.getByText('Signed in as')).toContainText('Rae Diaz');
    const { request, api } = await apiOf(page, playwright);
    const held = () =>
      api.get<{ items: unknown[] }>('/handoffs?assignee=me&limit=50').then((l) => l.items.length);
    const before = await held();

    await page.goto(evilOrigin);
    // A script that adds the header needs a preflight, which this origin does not pass.
    const scripted = await page.evaluate(async (url) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          credentials: 'include',
          headers: { 'X-Handoff-Desk-Client': 'web', 'Idempotency-Key': 'evil-1' },
        });
        return `answered ${res.status}`;
      } catch {
        return 'blocked';
      }
    }, `${desk.origin}/api/handoffs/claim-next`);
    expect(scripted).toBe('blocked');
    // A form post: the cookie goes along, the client header cannot. The browser then shows
    // the desk's refusal.
    const [formReply] = await Promise.all([
      page.waitForResponse(`${desk.origin}/api/handoffs/claim-next`),
      page.getByRole('button', { name: 'Win a prize' }).click(),
    ]);
    expect(formReply.status()).toBe(403);
    expect(await held()).toBe(before);
    await request.dispose();
  } finally {
    await context.close();
    await new Promise((resolve) => evil.close(resolve));
  }
});

test('a server started with the insecure flag warns at start and in the header, and believes X-Actor-Id', async ({
  browser,
  playwright,
}) => {
  const insecure = await startSignInServer([], { insecure: true });
  const { context, page } = await freshPage(browser);
  try {
    expect(insecure.output()).toMatch(/WARNING: --insecure-actor-header is on/);
    await page.goto(`${insecure.origin}/queue`);
    await expect(page.getByRole('status').filter({ hasText: 'Insecure identity' })).toBeVisible();
    await expect(page.getByLabel('Acting as')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in to Handoff Desk' })).toHaveCount(0);
    const request = await playwright.request.newContext({ baseURL: insecure.origin });
    const reply = await request.get('/api/me', { headers: { 'X-Actor-Id': 'u-femi' } });
    expect(reply.status()).toBe(200);
    expect(((await reply.json()) as { id: string }).id).toBe('u-femi');
    await request.dispose();
  } finally {
    await context.close();
    await insecure.stop();
  }
});
