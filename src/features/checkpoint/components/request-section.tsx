import { memo } from 'react';
import type { Flag, Handoff } from '../../../api/handoff-schemas';
import { flagRuleInfo } from '../../../domain/flags';
import { messagesSinceDraft } from '../../../domain/follow-ups';
import { formatDateTime } from '../../../lib/time';
import { highlightSegments } from '../lib/highlight';
import { CheckpointSection } from './context-sections';
import { Fact } from './fact';
import { FollowUpMessages } from './follow-up-messages';

const tierLabels = { standard: 'Standard', plus: 'Plus', enterprise: 'Enterprise' } as const;
const channelLabels = { email: 'Email', chat: 'Chat', phone: 'Phone', web: 'Web form' } as const;
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/**
 * Untrusted customer text rendered as React text nodes only; flagged evidence becomes <mark>
 * with the rule named for screen readers (a highlight alone says nothing to them).
 */
function Highlighted({
  text,
  field,
  flags,
}: {
  text: string;
  field: 'subject' | 'body';
  flags: Flag[];
}) {
  const segments = highlightSegments(text, field, flags);
  let offset = 0;
  return (
    <>
      {segments.map((s) => {
        const key = offset;
        offset += s.text.length;
        if (s.rules.length === 0) return <span key={key}>{s.text}</span>;
        const names = s.rules.map((r) => flagRuleInfo[r].label).join(', ');
        return (
          <span key={key}>
            <mark title={`Flagged: ${names}`}>{s.text}</mark>
            <span className="visually-hidden"> (flagged: {names})</span>
          </span>
        );
      })}
    </>
  );
}

export const RequestSection = memo(function RequestSection({
  handoff,
  followUpRead = false,
  disabled = true,
  onFollowUpRead = () => {},
}: {
  handoff: Handoff;
  /** Whether the reviewer ticked that they read the messages newer than the draft. */
  followUpRead?: boolean;
  disabled?: boolean;
  onFollowUpRead?: (read: boolean) => void;
}) {
  const { ticket } = handoff;
  const { customer } = ticket;
  const flags = handoff.context.flags;
  return (
    <CheckpointSection id="cp-request" number={1} title="Request">
      <div className="cp-message">
        <p className="cp-message-from">
          <strong>{customer.name}</strong> &lt;{customer.email}&gt; ·{' '}
          {channelLabels[ticket.channel]} ·{' '}
          <time dateTime={ticket.receivedAt}>{formatDateTime(ticket.receivedAt)}</time>
        </p>
        <p className="cp-message-subject">
          <span className="visually-hidden">Subject: </span>
          <Highlighted text={ticket.subject} field="subject" flags={flags} />
        </p>
        <blockquote className="cp-message-body" aria-label="Customer message">
          <Highlighted text={ticket.body} field="body" flags={flags} />
        </blockquote>
      </div>
      <FollowUpMessages
        messages={ticket.followUps ?? []}
        unseen={messagesSinceDraft(handoff)}
        acknowledged={followUpRead}
        disabled={disabled}
        onAcknowledge={onFollowUpRead}
      />
      <dl className="cp-facts" aria-label="Customer facts">
        <Fact label="Tier">{tierLabels[customer.tier]}</Fact>
        <Fact label="Lifetime value">{money.format(customer.lifetimeValue)}</Fact>
        <Fact
          label="Prior complaints"
          valueClassName={customer.priorComplaints >= 3 ? 'cp-fact-warn' : undefined}
        >
          {customer.priorComplaints}
        </Fact>
        <Fact label="Channel">{channelLabels[ticket.channel]}</Fact>
        <Fact label="Language">{ticket.language}</Fact>
        <Fact label="Attachments">{ticket.attachments}</Fact>
        <Fact label="Category" valueClassName="cp-cap">
          {ticket.category}
        </Fact>
        <div>
          <dt>Urgency</dt>
          <dd className="cp-cap">{ticket.urgency}</dd>
        </div>
      </dl>
    </CheckpointSection>
  );
});
