import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { sampleAutoApproved } from '../../mocks/core/post-hoc/test-kit';
import type { Handoff } from '../../src/api/handoff-schemas';
import { operations, pathOf } from '../../src/api/operations';
import { postHocRubrics } from '../../src/api/post-hoc-schemas';
import { makeProblem } from '../../src/api/problem';
import { API_BASE, backend, server } from '../msw';
import { renderApp } from '../render';

/*
 * Post-hoc review through the real mock backend: a reviewer reads what the AI sent on its
 * own, grades it against the category's rubric from the keyboard, and the next one opens.
 */
vi.setConfig({ testTimeout: 20_000 });

beforeEach(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

const reviewsOf = (id: string) =>
  (backend.state.events.get(id) ?? []).filter((e) => e.action === 'post_hoc_reviewed');

async function reviewElsewhere(h: Handoff) {
  const criteria = Object.fromEntries(postHocRubrics[h.ticket.category].map((c) => [c.id, true]));
  const reply = await fetch(`${API_BASE}${pathOf(operations.submitPostHocReview, { id: h.id })}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Actor-Id': 'u-femi',
      'Idempotency-Key': `femi-${h.id}`,
    },
    body: JSON.stringify({ version: h.version, criteria, verdict: 'good' }),
  });
  expect(reply.status).toBe(201);
}

async function openReview(sampled: Handoff[]) {
  const view = renderApp('/review', { actorId: 'u-chen' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Post-hoc review' })).toBeVisible();
  const first = sampled[0]!;
  const region = await screen.findByRole('region', {
    name: `#${first.ticket.number} ${first.ticket.subject}`,
  });
  return Object.assign(region, { view });
}

describe('post-hoc review', () => {
  it('grades the oldest sampled reply from the keyboard, records it, and opens the next', async () => {
    const sampled = sampleAutoApproved(backend, 1);
    expect(sampled.length).toBeGreaterThan(1);
    const user = userEvent.setup();
    const item = await openReview(sampled);
    const first = sampled[0]!;

    // The sent reply and the customer's message, as text.
    const text = (t: string) => within(item).getByText((_, el) => el?.textContent === t);
    expect(text(first.ticket.body)).toBeVisible();
    expect(text(first.outcome!.finalText!)).toBeVisible();

    const rubric = postHocRubrics[first.ticket.category];
    const boxes = within(item).getAllByRole('checkbox');
    expect(boxes.map((b) => b.getAttribute('id'))).toHaveLength(rubric.length);
    // Keyboard: focus the first criterion and tick it with Space.
    boxes[0]!.focus();
    await user.keyboard(' ');
    expect(boxes[0]).toBeChecked();

    await user.click(within(item).getByRole('radio', { name: /Needs follow-up/ }));
    // Needs follow-up without a note is stopped here, at the note.
    await user.keyboard('{Control>}{Enter}{/Control}');
    const note = within(item).getByRole('textbox', { name: /Note/ });
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(within(item).getByRole('alert')).toHaveTextContent('Say what needs following up.');
    expect(reviewsOf(first.id)).toHaveLength(0);

    await user.type(note, 'Quoted the old returns window.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const second = sampled.find((h) => h.id !== first.id)!;
    // The next item opens; the reviewed one leaves the list.
    expect(
      await screen.findByRole('region', {
        name: `#${second.ticket.number} ${second.ticket.subject}`,
      }),
    ).toBeVisible();
    const list = screen.getByRole('navigation', { name: 'Sampled replies' });
    await waitFor(() =>
      expect(within(list).queryByText(new RegExp(`#${first.ticket.number} `))).toBeNull(),
    );

    const [event] = reviewsOf(first.id);
    expect(event).toMatchObject({
      actor: { id: 'u-chen' },
      why: { reason: 'Quoted the old returns window.' },
    });
    expect(event!.outcome).toMatch(/needs follow-up/);
  });

  it('filters the list by category', async () => {
    const sampled = sampleAutoApproved(backend, 2);
    const user = userEvent.setup();
    await openReview(sampled);
    const category = sampled.at(-1)!.ticket.category;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), category);
    const list = await screen.findByRole('navigation', { name: 'Sampled replies' });
    const expected = sampled.filter((h) => h.ticket.category === category);
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(expected.length));
  });

  it('says when nothing sampled is waiting', async () => {
    for (const h of backend.state.handoffs.values())
      if (h.sampledForReview) backend.state.putHandoff({ ...h, sampledForReview: false });
    backend.state.drain();
    renderApp('/review', { actorId: 'u-chen' });
    expect(await screen.findByText('Nothing sampled is waiting')).toBeVisible();
  });

  it('shows a failed load with a retry that recovers', async () => {
    const sampled = sampleAutoApproved(backend, 1);
    server.use(
      http.get(`${API_BASE}${operations.listPostHocQueue.path}`, () =>
        HttpResponse.json(makeProblem('internal', 'Database unavailable.'), { status: 500 }),
      ),
    );
    const user = userEvent.setup();
    renderApp('/review', { actorId: 'u-chen' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/went wrong/i);
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const first = sampled[0]!;
    expect(
      await screen.findByRole('region', {
        name: `#${first.ticket.number} ${first.ticket.subject}`,
      }),
    ).toBeVisible();
  });

  it('tells the reviewer when someone else reviewed the item first', async () => {
    const sampled = sampleAutoApproved(backend, 1);
    const user = userEvent.setup();
    const item = await openReview(sampled);
    const first = sampled[0]!;
    // Femi reviews it in another browser meanwhile.
    await reviewElsewhere(first);
    await user.click(within(item).getByRole('radio', { name: /Good/ }));
    await user.click(within(item).getByRole('button', { name: /Submit review/ }));
    // Told why, and the next item opens in its place.
    await waitFor(() =>
      expect(screen.getByText(/Femi .* already reviewed this item/)).toBeVisible(),
    );
    const second = sampled.find((h) => h.id !== first.id)!;
    expect(
      await screen.findByRole('region', {
        name: `#${second.ticket.number} ${second.ticket.subject}`,
      }),
    ).toBeVisible();
    expect(reviewsOf(first.id)).toHaveLength(1);
  });

  it('says so when the reply on screen was reviewed elsewhere and left on a refresh', async () => {
    const sampled = sampleAutoApproved(backend, 1);
    const user = userEvent.setup();
    const { view } = await openReview(sampled);
    const second = sampled[1]!;
    const list = screen.getByRole('navigation', { name: 'Sampled replies' });
    await user.click(
      within(list).getByRole('button', { name: new RegExp(`#${second.ticket.number} `) }),
    );
    expect(
      await screen.findByRole('region', {
        name: `#${second.ticket.number} ${second.ticket.subject}`,
      }),
    ).toBeVisible();
    await reviewElsewhere(second);
    await view.queryClient.invalidateQueries();
    expect(
      await screen.findByText(
        'The reply you had open was reviewed elsewhere and has left the list.',
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(within(list).queryByText(new RegExp(`#${second.ticket.number} `))).toBeNull(),
    );
  });
});

describe('the double-review share', () => {
  const share = () =>
    fetch(`${API_BASE}${operations.getPostHocSettings.path}`, {
      headers: { 'X-Actor-Id': 'u-dana' },
    }).then((r) => r.json());

  it('is for leads and above only', async () => {
    renderApp('/review', { actorId: 'u-chen' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Post-hoc review' })).toBeVisible();
    // Once the sample has loaded, a specialist has the replies but not the share's form.
    expect(await screen.findByText(/^\d+ waiting/)).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Double review' })).toBeNull();
  });

  it('shows both versions when someone else changed it meanwhile, and applies the lead’s on the newer one', async () => {
    const user = userEvent.setup();
    renderApp('/review', { actorId: 'u-femi' });
    const form = await screen.findByRole('form', { name: 'Double review' });
    const field = within(form).getByLabelText(/reviewed twice, in % \(version 1\)/);
    expect(field).toHaveValue('20');

    // A manager sets it to 50% while the lead is typing.
    const other = await fetch(`${API_BASE}${operations.savePostHocSettings.path}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'X-Actor-Id': 'u-dana',
        'Idempotency-Key': 'dana-share',
      },
      body: JSON.stringify({ doubleReviewShare: 0.5, version: 1 }),
    });
    expect(other.status).toBe(200);

    await user.clear(field);
    await user.type(field, '35');
    await user.click(within(form).getByRole('button', { name: 'Save share' }));

    const conflict = await screen.findByRole('region', {
      name: 'Someone changed the double-review share while you edited it.',
    });
    expect(within(conflict).getByRole('alert')).toHaveTextContent(
      /moved on to version 2 while you edited version 1/,
    );
    const mine = within(conflict).getByRole('article', { name: 'Your change (made on version 1)' });
    expect(mine).toHaveTextContent('Reviewed twice35%');
    const now = await within(conflict).findByRole('article', { name: 'Now (version 2)' });
    expect(now).toHaveTextContent('Reviewed twice50%');
    // Nothing was saved by the refused attempt.
    expect(await share()).toEqual({ doubleReviewShare: 0.5, version: 2 });

    await user.click(
      within(conflict).getByRole('button', { name: 'Apply my change to version 2' }),
    );
    expect(await screen.findByText('Saved: 35% reviewed twice (version 3).')).toBeVisible();
    expect(screen.queryByRole('region', { name: /Someone changed/ })).toBeNull();
    expect(await share()).toEqual({ doubleReviewShare: 0.35, version: 3 });
  });
});
