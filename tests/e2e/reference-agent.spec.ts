import { type ChildProcess, spawn } from 'node:child_process';
import type { APIRequestContext } from '@playwright/test';
import { expect, reviewerBrowser, test } from './fixtures';

/*
 * The real server and the reference agent as two processes: the agent hands a ticket off,
 * a person redirects it, the agent answers with a draft that follows the instruction, the
 * person approves it and the agent acknowledges what it executed; and an agent killed mid-run
 * is declared lost within its lease, its ticket taken over by a person.
 */

test.skip(
  ({ backend }) => backend !== 'server',
  'The agent runs as its own process beside the server',
);

const LEASE = 5;

async function issueKey(request: APIRequestContext): Promise<string> {
  const reply = await request.post('/api/agent-keys', {
    headers: { 'X-Actor-Id': 'u-femi', 'Idempotency-Key': crypto.randomUUID() },
    data: { name: `lumen-ai-${Date.now()}` },
  });
  expect(reply.status()).toBe(201);
  return ((await reply.json()) as { secret: string }).secret;
}

/** The agent as its own node process (no npx in between, so SIGKILL reaches it). */
function startAgent(baseURL: string, key: string, extra: string[]) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'agent/main.ts', '--server', baseURL, '--key', key, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return {
    child,
    output: () => output,
    async line(pattern: RegExp, timeout = 30_000): Promise<RegExpMatchArray> {
      let match: RegExpMatchArray | null = null;
      await expect
        .poll(
          () => {
            match = pattern.exec(output);
            return match !== null;
          },
          { timeout, message: output },
        )
        .toBe(true);
      return match!;
    },
  };
}

const oneTicket = ['--rate', '60', '--count', '1', '--seed', '10', '--confidence', '0.5'];

test('a redirect is answered by the agent, its refund edited and approved, and the agent executes the edited amount', async ({
  browser,
  baseURL,
  request,
}) => {
  const agent = startAgent(baseURL!, await issueKey(request), [
    ...oneTicket,
    '--work-seconds',
    '0',
    '--lease',
    String(LEASE),
  ]);
  try {
    const [, id] = await agent.line(/handed off as (h-\d+)/);
    const { context, page, desk } = await reviewerBrowser(browser, baseURL!, 'u-elif');
    await desk.openHandoff(id!);
    const before = await desk.editor.inputValue();

    await page.getByRole('button', { name: /^Redirect/ }).click();
    const form = page.getByRole('form', { name: 'Redirect to the AI' });
    await form
      .getByLabel('Instructions for the AI')
      .fill('Make it more formal and offer a refund of $25.00.');
    await form.getByRole('button', { name: 'Send to the AI' }).click();

    // The agent's own draft comes back: it follows both instructions, in the text and the actions.
    await expect(page.getByRole('tab', { name: 'Draft versions (2)' })).toBeVisible();
    await expect(desk.editor).not.toHaveValue(before);
    await expect(desk.editor).toHaveValue(/^Dear /);
    await agent.line(new RegExp(`${id}: redirected; .*Done: made it more formal`));
    const actions = page.getByRole('region', { name: 'Proposed actions' });
    const amount = actions.getByRole('textbox', { name: 'Refund amount' });
    await expect(amount).toHaveValue('25.00');

    // The reviewer settles on a larger refund in the actions editor; the change is shown.
    await amount.fill('30');
    await expect(actions.getByText('Refund $25.00 → Refund $30.00')).toBeVisible();
    await expect(page.getByText(/Saved to server/)).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: /^Approve/ }).click();

    // The agent receives the final actions with the edited amount, and executes those.
    await agent.line(new RegExp(`${id}: approved with edited actions: Refund \\$30\\.00`));
    await agent.line(new RegExp(`${id}: executed and acknowledged`));

    await desk.openHandoff(id!);
    const trail = page.getByRole('list', { name: 'Audit events, newest first' });
    await expect(trail.getByText(/Draft 2 written from Elif Demir’s instructions/)).toBeVisible();
    await expect(trail.getByText('Sent to the customer with edited actions')).toBeVisible();
    await trail.getByText('Edits against the AI draft').first().click();
    await expect(trail.getByText(/Refund \$25\.00 → Refund \$30\.00/).first()).toBeVisible();
    await expect(
      trail.getByText(/^Executed: Sent the approved reply; Refund \$30\.00/),
    ).toBeVisible();
    await context.close();
  } finally {
    agent.child.kill('SIGKILL');
  }
});

test('an agent killed mid-run is lost within its lease, and a person takes the ticket over', async ({
  browser,
  baseURL,
  request,
}) => {
  const agent = startAgent(baseURL!, await issueKey(request), [
    ...oneTicket,
    // Drafting takes long enough to be killed in the middle of it.
    '--work-seconds',
    '120',
    '--lease',
    String(LEASE),
  ]);
  let runId = '';
  await expect
    .poll(
      async () => {
        const runs = (await (
          await request.get('/api/agent-runs', { headers: { 'X-Actor-Id': 'u-femi' } })
        ).json()) as { items: { id: string; status: string; step: string }[] };
        const run = runs.items.find((r) => r.status === 'working');
        runId = run?.id ?? '';
        return runId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  agent.child.kill('SIGKILL');
  const killedAt = Date.now();

  let handoffId = '';
  await expect
    .poll(
      async () => {
        const runs = (await (
          await request.get('/api/agent-runs', { headers: { 'X-Actor-Id': 'u-femi' } })
        ).json()) as { items: { id: string; status: string; handoffId: string | null }[] };
        const run = runs.items.find((r) => r.id === runId);
        handoffId = run?.status === 'lost' ? (run.handoffId ?? '') : '';
        return handoffId;
      },
      { timeout: (LEASE + 5) * 1000, intervals: [250] },
    )
    .not.toBe('');
  expect(Date.now() - killedAt).toBeLessThan((LEASE + 5) * 1000);

  const { context, page, desk } = await reviewerBrowser(browser, baseURL!, 'u-elif');
  await page.goto(`/handoffs/${handoffId}`);
  const panel = page.getByRole('region', { name: 'The AI could not finish this task' });
  await expect(panel.getByText(/stopped responding during classify/).first()).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByText('You hold this item now. Edit the draft and decide.')).toBeVisible();
  await expect(desk.editor).toBeEditable();
  const trail = page.getByRole('list', { name: 'Audit events, newest first' });
  await expect(trail.getByText(/took over the failed task/)).toBeVisible();
  await context.close();
});
