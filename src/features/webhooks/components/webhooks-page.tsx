import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import {
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEventType,
  type WebhookWithSecret,
  webhookEventTypeSchema,
} from '../../../api/webhook-schemas';
import { ErrorNotice } from '../../../components/error-notice';
import { SecretNotice } from '../../../components/secret-notice';
import { SelectableRow, SelectionTable } from '../../../components/selection-table';
import { ShortcutButton } from '../../../components/shortcut-button';
import { useListSelection } from '../../../hooks/use-list-selection';
import { useShortcuts } from '../../../hooks/use-shortcuts';
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

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

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
      <AddEndpoint urlField={urlField} onCreated={setSecret} />
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
      {items.length === 0 && endpoints.data ? <p>No endpoints yet.</p> : null}
      {items.length ? (
        <SelectionTable
          className="webhooks-table"
          caption="Webhook endpoints"
          columns={['URL', 'Events', 'State', 'Added', 'Actions']}
        >
          {items.map((e) => {
            const isSelected = e.id === selected?.id;
            return (
              <SelectableRow
                key={e.id}
                selected={isSelected}
                onSelect={() => select(e.id)}
                label={e.url}
              >
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
                      <ShortcutButton
                        shortcut="r"
                        aria-label={`Rotate the secret of ${e.url}`}
                        onClick={() => rotateSecret(e)}
                      >
                        Rotate secret
                      </ShortcutButton>
                      <ShortcutButton
                        shortcut="x"
                        className="button button-danger"
                        aria-label={
                          removing === e.id ? `Confirm: remove ${e.url}` : `Remove ${e.url}`
                        }
                        onClick={() => removeEndpoint(e)}
                      >
                        {removing === e.id ? 'Confirm removal' : 'Remove'}
                      </ShortcutButton>
                    </>
                  ) : null}
                </td>
              </SelectableRow>
            );
          })}
        </SelectionTable>
      ) : null}
      {selected ? <Deliveries endpoint={selected} /> : null}
    </main>
  );
}

function AddEndpoint({
  urlField,
  onCreated,
}: {
  urlField: React.RefObject<HTMLInputElement | null>;
  onCreated: (shown: WebhookWithSecret) => void;
}) {
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
    <form className="webhooks-form" onSubmit={submit} aria-labelledby="add-endpoint">
      <h2 id="add-endpoint">Add an endpoint</h2>
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
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Add endpoint
      </button>
    </form>
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
      {deliveries.data && items.length === 0 ? <p>Nothing sent yet.</p> : null}
      {items.length ? (
        <SelectionTable
          className="webhooks-table"
          caption="Deliveries, newest first"
          columns={[
            'Event',
            'About',
            'Status',
            'Attempts',
            'Last response',
            'Next attempt',
            'Send again',
          ]}
        >
          {items.map((d) => {
            const isSelected = d.id === selected?.id;
            return (
              <SelectableRow
                key={d.id}
                selected={isSelected}
                onSelect={() => select(d.id)}
                label={d.type}
                id={d.id}
              >
                <td>{d.subject ?? '—'}</td>
                <td>{statusLabels[d.status]}</td>
                <td>{d.attempts}</td>
                <td>
                  {d.lastResponseStatus ?? ''} {d.lastResponse ?? ''}
                </td>
                <td>{when(d.nextAttemptAt)}</td>
                <td>
                  {isSelected ? (
                    <ShortcutButton
                      shortcut="s"
                      disabled={Boolean(endpoint.disabledAt)}
                      aria-label={`Send ${d.type} ${d.subject ?? ''} again`}
                      onClick={() => again(d)}
                    >
                      Send again
                    </ShortcutButton>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={Boolean(endpoint.disabledAt)}
                      aria-label={`Send ${d.type} ${d.subject ?? ''} again`}
                      onClick={() => again(d)}
                    >
                      Send again
                    </button>
                  )}
                </td>
              </SelectableRow>
            );
          })}
        </SelectionTable>
      ) : null}
    </section>
  );
}
