import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { makeProblem } from '../../src/api/problem';
import { API_BASE, server, withoutLiveUpdates } from '../msw';
import { renderApp } from '../render';
import { apiAs } from './checkpoint-helpers';

// Whole-app journeys through the real mock backend.
vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => {
  // The router restores window scroll on navigation; jsdom does not implement it.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

const shippingThreshold = () =>
  screen.getByRole('textbox', { name: 'Shipping: confidence threshold (%)' });

async function openPolicy(actorId = 'u-femi') {
  const view = renderApp('/policy', { actorId });
  await screen.findByRole('heading', { level: 1, name: 'Routing policy' });
  await screen.findByRole('form', { name: 'Routing policy' });
  return view;
}

describe('routing policy screen', () => {
  it('a lead raises a threshold, previews the effect, saves with a reason and sees it in the history', async () => {
    const user = userEvent.setup();
    const { api } = await openPolicy();
    expect(shippingThreshold()).toHaveValue('85');
    // Rules show their versions.
    const rules = screen.getByRole('table', { name: 'Escalation rules' });
    expect(within(rules).getAllByText('v1')).toHaveLength(6);

    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), '95');
    // Saving first shows the preview: the effect is seen before anything changes.
    await user.click(screen.getByRole('button', { name: /Save policy/ }));
    expect(
      await screen.findByText(/Review the preview of this edit before saving it/),
    ).toBeVisible();
    const preview = await screen.findByRole('region', { name: /Preview: the last week/ });
    expect(within(preview).getByText(/Human review rate/)).toHaveTextContent(/of the 10%–15%|band/);
    expect(
      within(preview).getByRole('heading', { name: /Would newly skip review \(0\)/ }),
    ).toBeVisible();
    expect((await api.getPolicy()).version).toBe(1);

    await user.type(screen.getByLabelText(/Reason for the change/), 'Carrier delays: review more.');
    await user.click(screen.getByRole('button', { name: /Save policy/ }));
    expect(await screen.findByText('Saved: policy version 2 is now in force.')).toBeVisible();

    const policy = await api.getPolicy();
    expect(policy.version).toBe(2);
    expect(policy.categories.shipping.confidenceThreshold).toBe(0.95);
    const history = await screen.findByRole('list', { name: 'Policy changes, newest first' });
    expect(within(history).getByText(/Version 2/)).toBeVisible();
    expect(within(history).getByText(/Femi Adeyemi/)).toBeVisible();
    expect(within(history).getByText('“Carrier delays: review more.”')).toBeVisible();
    expect(within(history).getByText('Shipping: confidence threshold 85% → 95%')).toBeVisible();
    // The form now edits the saved version.
    expect(shippingThreshold()).toHaveValue('95');
    expect(screen.getByText('No changes to the policy in force.')).toBeVisible();
  });

  it('previews with the keyboard and shows who would newly skip review', async () => {
    const user = userEvent.setup();
    await openPolicy();
    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), '40');
    await user.click(document.body);
    await user.keyboard('p');
    const preview = await screen.findByRole('region', { name: /Preview: the last week/ });
    const skipping = within(preview).getByRole('heading', { name: /Would newly skip review/ });
    expect(skipping.textContent).not.toMatch(/\(0\)/);
    expect(within(preview).getByRole('list', { name: /Would newly skip review/ })).toBeVisible();
    expect(
      within(preview).getByRole('heading', { name: /Confident but wrong among them/ }),
    ).toBeVisible();
  });

  it('says what is wrong at the field, in the words the backend would use', async () => {
    const user = userEvent.setup();
    await openPolicy();
    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), 'lots');
    expect(shippingThreshold()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a percentage from 0 to 100.')).toBeVisible();

    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), '150');
    expect(shippingThreshold()).toHaveAccessibleDescription(/1|less than or equal/i);

    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), '85');
    const billingPattern = screen.getByRole('combobox', { name: 'Billing: oversight pattern' });
    await user.selectOptions(billingPattern, 'post_hoc_sample');
    const billingSample = screen.getByRole('textbox', {
      name: 'Billing: post-hoc sample rate (%)',
    });
    expect(billingSample).toHaveAccessibleDescription(/A post-hoc sample of 0% reviews nothing/);
  });

  it('needs a reason to save', async () => {
    const user = userEvent.setup();
    await openPolicy();
    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), '90');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('region', { name: /Preview: the last week/ });
    await user.click(screen.getByRole('button', { name: /Save policy/ }));
    const reason = screen.getByLabelText(/Reason for the change/);
    expect(reason).toHaveAccessibleDescription(/Say why the policy changes/);
    expect(reason).toHaveFocus();
  });

  it('shows a reviewer the policy read-only, with the reason', async () => {
    await openPolicy('u-ana');
    expect(
      await screen.findByText(/Only a team lead, a manager or an executive may change/),
    ).toBeVisible();
    expect(shippingThreshold()).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Save policy/ })).not.toBeInTheDocument();
    expect(screen.getByText(/No changes yet/)).toBeVisible();
  });

  it('rolls a change back after asking why', async () => {
    const user = userEvent.setup();
    const lead = apiAs('u-dana');
    await lead.changePolicy({
      body: {
        version: 1,
        patch: { categories: { technical: { pattern: 'checkpoint_approval' } } },
        reason: 'Firmware release week: see every technical reply.',
      },
      idempotencyKey: 'dana-change',
    });
    await openPolicy();
    await user.click(await screen.findByRole('button', { name: 'Roll back version 2…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll back version 2?' });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(within(dialog).getByText(/Say why the policy changes/)).toBeVisible();
    await user.type(within(dialog).getByLabelText('Reason for the rollback'), 'Release is out.');
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(
      await screen.findByText(
        /Rolled back: policy version 3 restores the settings before policy-v2/,
      ),
    ).toBeVisible();
    const history = screen.getByRole('list', { name: 'Policy changes, newest first' });
    await waitFor(() => expect(within(history).getByText(/Rollback of policy-v2/)).toBeVisible());
    expect(
      within(history).getByText(
        /Technical: oversight pattern checkpoint approval → post hoc sample/,
      ),
    ).toBeVisible();
  });

  it('tells the lead when someone else changed the policy first', async () => {
    withoutLiveUpdates();
    const user = userEvent.setup();
    await openPolicy();
    await apiAs('u-dana').changePolicy({
      body: {
        version: 1,
        patch: { categories: { billing: { confidenceThreshold: 0.8 } } },
        reason: 'Billing drafts have been solid all month.',
      },
      idempotencyKey: 'dana-first',
    });
    await user.clear(shippingThreshold());
    await user.type(shippingThreshold(), '95');
    await user.click(screen.getByRole('button', { name: /Preview/ }));
    await screen.findByRole('region', { name: /Preview: the last week/ });
    await user.type(screen.getByLabelText(/Reason for the change/), 'Tighten shipping.');
    await user.click(screen.getByRole('button', { name: /Save policy/ }));
    expect(
      await screen.findByText(/The policy moved on to version 2 while you edited version 1/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: /Load version 2/ }));
    expect(screen.getByRole('textbox', { name: 'Billing: confidence threshold (%)' })).toHaveValue(
      '80',
    );
  });

  it('flags on a new arrival name the rule version that raised them, on the checkpoint', async () => {
    const lead = apiAs('u-femi');
    await lead.changePolicy({
      body: {
        version: 1,
        patch: { rules: [{ id: 'policy_keyword', params: { keywords: ['lawyer', 'ombudsman'] } }] },
        reason: 'Ombudsman complaints are a legal matter too.',
      },
      idempotencyKey: 'femi-keywords',
    });
    const { handoff } = await lead.ingestArrival({
      body: {
        ticket: {
          customer: {
            id: 'c-ombudsman',
            name: 'Ines Costa',
            email: 'ines@example.com',
            tier: 'standard',
            lifetimeValue: 300,
            priorComplaints: 1,
          },
          channel: 'email',
          subject: 'Refund still missing',
          body: 'If this is not fixed this week I will write to the ombudsman.',
          category: 'billing',
          urgency: 'high',
          language: 'en',
          attachments: 0,
        },
        ai: { draft: 'Hi Ines, we are checking your refund today.', confidence: 0.93 },
      },
      idempotencyKey: 'ines-arrives',
    });
    expect(handoff).toMatchObject({ status: 'pending', level: 'l2', policyVersion: 2 });
    renderApp(`/handoffs/${handoff.id}`, { actorId: 'u-chen' });
    const flags = await screen.findByRole('region', { name: /Flags/ }, { timeout: 5000 });
    expect(within(flags).getByText('Policy keyword')).toBeVisible();
    expect(within(flags).getByText('rule v2')).toBeVisible();
  });

  it('says so when the policy cannot be loaded, and retries', async () => {
    server.use(
      http.get(`${API_BASE}/policy`, () =>
        HttpResponse.json(makeProblem('unavailable', 'Policy store offline.'), { status: 503 }),
      ),
    );
    renderApp('/policy', { actorId: 'u-femi' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Policy store offline.');
    server.resetHandlers();
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('form', { name: 'Routing policy' })).toBeVisible();
  });
});
