import { render, screen, within } from '@testing-library/react';
import type { Handoff } from '../../../api/handoff-schemas';
import { RequestSection } from './request-section';

const hostile = 'Hi <img src=x onerror="alert(1)"> I will call my lawyer <b>now</b>';

const handoff = {
  ticket: {
    id: 't-1',
    number: 1,
    customer: {
      id: 'c',
      name: 'Eve',
      email: 'eve@example.com',
      tier: 'enterprise',
      lifetimeValue: 12000,
      priorComplaints: 0,
    },
    channel: 'chat',
    subject: 'Help <script>x</script>',
    body: hostile,
    category: 'legal',
    urgency: 'normal',
    language: 'de',
    attachments: 2,
    receivedAt: '2026-11-25T08:00:00Z',
  },
  context: {
    flags: [
      {
        rule: 'policy_keyword',
        severity: 'critical',
        hardStop: true,
        message: '',
        humanAction: '',
        evidence: [
          { field: 'body', start: hostile.indexOf('lawyer'), end: hostile.indexOf('lawyer') + 6 },
        ],
      },
    ],
  },
} as unknown as Handoff;

describe('RequestSection', () => {
  it('renders untrusted text as text, never as HTML, and highlights evidence', () => {
    render(<RequestSection handoff={handoff} />);
    // The markup reads as the characters the customer typed, and made nothing of its own.
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByText('now', { exact: true })).toBeNull();
    const message = screen.getByLabelText('Customer message');
    expect(message).toHaveTextContent(
      'Hi <img src=x onerror="alert(1)"> I will call my lawyer (flagged: Policy keyword) <b>now</b>',
    );
    expect(within(message).getByTitle('Flagged: Policy keyword')).toHaveTextContent('lawyer');
  });

  it('lists the customer facts a reviewer weighs', () => {
    render(<RequestSection handoff={handoff} />);
    const facts = screen.getByLabelText('Customer facts');
    for (const text of ['Enterprise', '$12,000', 'Chat', 'de', '2']) {
      expect(within(facts).getByText(text)).toBeInTheDocument();
    }
  });
});
