import { cities, membership } from '../catalog';
import { templates } from './types';

export const accountStories = templates('account', 'en', {
  'account-locked-out'({ rng, customer }) {
    const masked = maskEmail(customer.email);
    return {
      subject: rng.pick(["Can't log in - lost my phone", 'Locked out of my account']),
      message: [
        'I lost my phone last week and now I can’t log in because the app wants the code from my authenticator. I have a new phone but the codes are gone.',
        'How do I get back into my account?',
      ],
      topic: 'locked out (lost two-factor device)',
      reference: 'your account',
      retrieve: 'Retrieved the two-factor recovery procedure',
      toolCall: `Looked up the account for ${masked}: two-factor on, no backup codes used, 2 devices registered`,
      reply: [
        "I'm sorry you've been locked out. Because your account has two-factor sign-in, I can't turn it off from here without first confirming it's really you.",
        `I've sent a recovery link to ${masked}. Open it on your new phone and you'll be asked to confirm two recent orders; after that you can set up the authenticator again.`,
      ],
      choice: {
        topic: 'how to verify the customer',
        options: () => [
          {
            label: 'Email recovery link + order check',
            rationale: 'Standard recovery; the email address on file is still the customer’s.',
            reply: [
              `I've sent a recovery link to ${masked}. Confirm two recent orders when asked and you can set up the authenticator on your new phone.`,
            ],
          },
          {
            label: 'Verification call',
            rationale:
              'Safer if the email account could also be compromised, but slower: the next call slot is tomorrow.',
            reply: [
              "To keep your account safe, I'd like to confirm your identity on a short call. Reply with a time that suits you tomorrow and we'll ring the number on your account.",
            ],
          },
        ],
      },
    };
  },
  'account-change-email'({ rng, customer, firstName }) {
    const next = `${firstName.toLowerCase()}.${rng.int(10, 99)}@example.net`;
    return {
      subject: rng.pick(['Change my email address', 'Update login email']),
      message: [
        `I'm closing my old email account. Can you change the email on my Lumen account from ${customer.email} to ${next}?`,
      ],
      topic: 'email change',
      reference: 'your account',
      retrieve: 'Retrieved the email-change procedure (confirmation required on both addresses)',
      toolCall: `Started an email change to ${next}; confirmation links sent to both addresses`,
      reply: [
        `Happy to help. I've started the change to ${next} and sent a confirmation link to both your old and new addresses. Once you click both, the new address becomes your login.`,
        'The links are valid for 24 hours. Your orders, membership and devices all stay exactly as they are.',
      ],
    };
  },
  'account-suspicious-login'({ rng }) {
    const city = rng.pick(cities);
    return {
      subject: rng.pick(['Login I don’t recognise', `Someone logged in from ${city}?`]),
      message: [
        `I just got an email saying there was a new sign-in to my account from ${city}. That was not me. I'm worried someone has my card details.`,
      ],
      topic: 'suspicious sign-in',
      reference: 'your account',
      retrieve: 'Retrieved the account-takeover checklist',
      toolCall: `Looked up sign-ins: one from ${city} 40 minutes ago on a new device; no orders or changes since`,
      minUrgency: 'high',
      reply: [
        `Thank you for telling us so quickly. I can see the sign-in from ${city} about 40 minutes ago on a device we haven't seen before. Nothing was ordered or changed after it.`,
        "To be safe, I've signed out every device and locked the account for changes. Please reset your password with the link I've just sent; cards on your account can't be viewed in full by anyone signing in, so your card number wasn't exposed.",
      ],
    };
  },
  'account-close'({ rng }) {
    return {
      subject: rng.pick(['Please close my account', 'Cancel my account']),
      message: [
        `I don't use Lumen any more. Please close my account and cancel ${membership.name} if it's still active.`,
      ],
      topic: 'account closure',
      reference: 'your account',
      retrieve: 'Retrieved the account-closure procedure and open-order checks',
      toolCall: `Checked for open orders and active ${membership.name}: none open; membership already ended`,
      reply: [
        `Sorry to see you go. I've checked your account: there are no open orders and ${membership.name} has already ended, so nothing will be charged.`,
        "I've scheduled the account to close in 7 days; you'll get a confirmation email now and another when it's done. If you change your mind before then, just reply to this email.",
      ],
    };
  },
  'account-points-missing'({ rng, order }) {
    const points = rng.int(20, 90) * 10;
    return {
      subject: rng.pick(['Reward points missing', `No points for order #${order}`]),
      message: [
        `I didn't get my reward points for order #${order}. It should have been ${points} points.`,
      ],
      topic: 'missing reward points',
      reference: `order #${order}`,
      retrieve: 'Retrieved the reward-points rules (points post 14 days after delivery)',
      toolCall: `Looked up points for order #${order}: ${points} points pending, posting after the return window`,
      reply: [
        `Good news, the points aren't missing. The ${points} points for order #${order} are pending; points post once the 14-day return window ends, so they'll appear in your balance automatically in a few days.`,
      ],
    };
  },
});

/** Shows enough of an address to recognise it without exposing it in full. */
function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 2)}***@${domain}`;
}
