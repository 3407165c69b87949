import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import {
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEventType,
  type WebhookWithSecret,
  webhookEventTypeSchema,
} from '../../../api/webhook-schemas';
import { CreateForm, type CreateFormProps } from '../../../components/create-form';
import { ErrorNotice } from '../../../components/error-notice';
import { ConfirmButton, RowButton } from '../../../components/row-button';
import { SecretNotice } from '../../../components/secret-notice';
import { SelectionList } from '../../../components/selection-table';
import { useListSelection } from '../../../hooks/use-list-selection';
import { useShortcuts } from '../../../hooks/use-shortcuts';
import { localMoment } from '../../../lib/time';
import { webhookMutations, webhookQueries } from '../api/queries';
import './webhooks.css';

const eventLabels: Record<WebhookEventType, string> = {
  'handoff.created': 'A handoff was created',
  'handoff.decided': 'A handoff was approved or rejected',
  'handoff.expired': 'A gate timed out and applied its default',
  'handoff.escalated': 'A handoff was escalated',
  'handoff.redirected': 'A new draft is wanted',
  'run.lost': 'An agent stopped responding',
  'run.failed': 'An agent reported a failure',
  'execution.failed': 'Executing a decision failed',
};

const statusLabels: Record<WebhookDelivery['status'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
};

const when = (iso: string | null) => localMoment(iso, '—');

/**
 * Webhook endpoints and their deliveries, for leads: Alt+N adds an endpoint, j / k pick one,
 * r rotates its secret, x removes it (x again to confirm), n / p pick a delivery, s sends it
 * again.
 */
export function WebhooksPage() {
  const endpoints = useQuery(webhookQueries.list());
  const rotate = useMutation(webhookMutations.rotate());
  const remove = useMutation(webhookMutations.remove());
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const items = endpoints.data?.items ?? [];
  const { selected, select, move, armed: removing, pressTwice } = useListSelection(items);
  const rotateSecret = (e: WebhookEndpoint | null) => {
    if (e) rotate.mutate(e.id, { onSuccess: setSecret });
  };
  const removeEndpoint = (e: WebhookEndpoint | null) =>
    pressTwice(e, (endpoint) => remove.mutate(endpoint.id, { onSuccess: () => select(null) }));
  useShortcuts([
    { key: 'alt+n', handler: () => urlField.current?.focus(), inFields: true },
    { key: 'j', handler: () => move(1) },
    { key: 'k', handler: () => move(-1) },
    { key: 'r', handler: () => rotateSecret(selected) },
    { key: 'x', handler: () => removeEndpoint(selected) },
  ]);

  return (
    <main id="main" className="page webhooks-page">
      <h1>Webhooks</h1>
      <p>
        Endpoints that are told when handoffs are created, decided, expired, escalated or
        redirected, and when agents stop responding or fail. Every delivery is signed to the
        Standard Webhooks specification and retried until the receiver takes it.
      </p>
      <AddEndpoint field={urlField} onCreated={setSecret} />
      {secret ? (
        <SecretNotice
          key={secret.secret}
          className="webhooks-secret"
          title={`Signing secret for ${secret.endpoint.url}`}
          secret={secret.secret}
          advice="Keep it with the receiver now: it is not shown again."
          onDismiss={() => setSecret(null)}
        />
      ) : null}
      {endpoints.error ? <ErrorNotice error={endpoints.error} /> : null}
      {rotate.error ? <ErrorNotice error={rotate.error} /> : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      <h2>Endpoints</h2>
      <SelectionList
        className="webhooks-table"
        caption="Webhook endpoints"
        columns={['URL', 'Events', 'State', 'Added', 'Actions']}
        rows={items}
        empty={endpoints.data ? <p>No endpoints yet.</p> : null}
        selected={selected}
        onSelect={(e) => select(e.id)}
        label={(e) => e.url}
        cells={(e, isSelected) => (
          <>
            <td>{e.events.join(', ')}</td>
            <td>
              {e.disabledAt ? `Disabled: ${e.disabledReason ?? ''}` : 'Active'}
              {e.previousSecretValidUntil
                ? ` · old secret signs too until ${when(e.previousSecretValidUntil)}`
                : ''}
            </td>
            <td>
              {when(e.createdAt)} by {e.createdBy.name}
            </td>
            <td className="webhooks-actions">
              {isSelected ? (
                <>
                  <RowButton
                    shortcut="r"
                    aria-label={`Rotate the secret of ${e.url}`}
                    onClick={() => rotateSecret(e)}
                  >
                    Rotate secret
                  </RowButton>
                  <ConfirmButton
                    shortcut="x"
                    armed={removing === e.id}
                    verb="Remove"
                    object={e.url}
                    confirm="Confirm removal"
                    onClick={() => removeEndpoint(e)}
                  />
                </>
              ) : null}
            </td>
          </>
        )}
      />
      {selected ? <Deliveries endpoint={selected} /> : null}
    </main>
  );
}

function AddEndpoint({ field: urlField, onCreated }: CreateFormProps<WebhookWithSecret>) {
  const create = useMutation(webhookMutations.create());
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['handoff.decided']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url, events },
      {
        onSuccess: (shown) => {
          setUrl('');
          onCreated(shown);
        },
      },
    );
  };
  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
  return (
    <CreateForm
      className="webhooks-form"
      title="Add an endpoint"
      titleId="add-endpoint"
      heading="h2"
      onSubmit={submit}
      error={create.error}
      pending={create.isPending}
      submit="Add endpoint"
    >
      <label className="webhooks-url">
        <span>
          URL <kbd aria-hidden>Alt+N</kbd>
        </span>
        <input
          ref={urlField}
          type="url"
          required
          value={url}
          placeholder="https://agent.example.com/webhooks"
          aria-keyshortcuts="Alt+N"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>Events</legend>
        {webhookEventTypeSchema.options.map((type) => (
          <label key={type} className="webhooks-event">
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(e) => toggle(type, e.target.checked)}
            />
            <code>{type}</code> · {eventLabels[type]}
          </label>
        ))}
      </fieldset>
    </CreateForm>
  );
}

function Deliveries({ endpoint }: { endpoint: WebhookEndpoint }) {
  const deliveries = useQuery(webhookQueries.deliveries(endpoint.id));
  const resend = useMutation(webhookMutations.resend());
  const items = deliveries.data?.items ?? [];
  const { selected, select, move } = useListSelection(items);
  const again = (d: WebhookDelivery | null) => {
    if (d && !endpoint.disabledAt) resend.mutate({ id: endpoint.id, deliveryId: d.id });
  };
  useShortcuts([
    { key: 'n', handler: () => move(1) },
    { key: 'p', handler: () => move(-1) },
    { key: 's', handler: () => again(selected) },
  ]);
  return (
    <section aria-labelledby="deliveries" className="webhooks-deliveries">
      <h2 id="deliveries">Deliveries to {endpoint.url}</h2>
      {deliveries.error ? <ErrorNotice error={deliveries.error} /> : null}
      {resend.error ? <ErrorNotice error={resend.error} /> : null}
      <SelectionList
        className="webhooks-table"
        caption="Deliveries, newest first"
        rows={items}
        empty={deliveries.data ? <p>Nothing sent yet.</p> : null}
        columns={[
          'Event',
          'About',
          'Status',
          'Attempts',
          'Last response',
          'Next attempt',
          'Send again',
        ]}
        selected={selected}
        onSelect={(d) => select(d.id)}
        label={(d) => d.type}
        showId
        cells={(d, isSelected) => (
          <>
            <td>{d.subject ?? '—'}</td>
            <td>{statusLabels[d.status]}</td>
            <td>{d.attempts}</td>
            <td>
              {d.lastResponseStatus ?? ''} {d.lastResponse ?? ''}
            </td>
            <td>{when(d.nextAttemptAt)}</td>
            <td>
              <RowButton
                shortcut={isSelected ? 's' : undefined}
                disabled={Boolean(endpoint.disabledAt)}
                aria-label={`Send ${d.type} ${d.subject ?? ''} again`}
                onClick={() => again(d)}
              >
                Send again
              </RowButton>
            </td>
          </>
        )}
      />
    </section>
  );
}
