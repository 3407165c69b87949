import { appScreens, devices, membership } from '../catalog';
import { templates } from './types';

/*
 * The everyday bulk of the inbox: where is my parcel, I can't sign in, how do I do this, can I
 * have my invoice. The answer is in the systems the AI can read, nothing is promised beyond
 * what the policy already gives, and a confident AI sends these itself.
 */
export const routineStories = [
  ...templates('shipping', 'en', {
    'routine-order-status'({ rng, order, product, carrier, tracking }) {
      const days = rng.int(1, 3);
      return {
        subject: rng.pick([
          `Status of order #${order}?`,
          `When will my ${product.name} arrive?`,
          `Order #${order} - any update?`,
        ]),
        message: [
          rng.pick([
            `I ordered a ${product.name} (order #${order}) and wanted to check when it will arrive.`,
            `Could you tell me where order #${order} is? It's the ${product.name}.`,
          ]),
          'Thanks!',
        ],
        topic: 'order status',
        reference: `order #${order}`,
        retrieve: 'Retrieved the delivery-times article',
        toolCall: `Looked up order #${order}: shipped with ${carrier}, on schedule`,
        reply: [
          `Order #${order} is on its way: it left our warehouse with ${carrier} and is on schedule to reach you in ${days === 1 ? 'one business day' : `${days} business days`}.`,
          `You can track it at any time with tracking number ${tracking}.`,
        ],
      };
    },
    'routine-shipping-update'({ rng, order, carrier, tracking }) {
      return {
        subject: rng.pick([
          `Tracking number for order #${order}`,
          'Has my order shipped yet?',
          `Shipping confirmation for #${order}`,
        ]),
        message: [
          `I didn't get a shipping email for order #${order}. Has it been sent, and is there a tracking number?`,
        ],
        topic: 'shipping update',
        reference: `order #${order}`,
        retrieve: 'Retrieved the shipping-notifications article',
        toolCall: `Looked up order #${order}: shipped yesterday with ${carrier}`,
        reply: [
          `Order #${order} shipped yesterday with ${carrier}; the tracking number is ${tracking}. The confirmation email may have landed in your spam folder.`,
          `${carrier} usually shows the first scan within a day of pickup.`,
        ],
      };
    },
  }),
  ...templates('account', 'en', {
    'routine-password-reset'({ rng, customer }) {
      return {
        subject: rng.pick(["Can't sign in", 'Password reset', 'Locked out of my account']),
        message: [
          rng.pick([
            'I forgot my password and the app keeps saying the details are wrong.',
            "I can't log in to my Lumen account any more. How do I reset my password?",
          ]),
        ],
        topic: 'password reset',
        reference: 'your account',
        retrieve: 'Retrieved the password-reset article',
        toolCall: `Sent a password-reset link to ${customer.email}`,
        reply: [
          `I've just sent a password-reset link to ${customer.email}. It works for one hour: open it, choose a new password and sign in again in the app.`,
          "If the email doesn't arrive within a few minutes, please check your spam folder.",
        ],
      };
    },
    'routine-update-email'({ rng }) {
      const screen = rng.pick(appScreens);
      return {
        subject: rng.pick(['Change my email address', 'How do I update my details?']),
        message: [
          'I have a new email address. How do I change it on my account?',
          screen === 'Account' ? 'I looked in the app but could not find it.' : '',
        ].filter((line) => line !== ''),
        topic: 'account details',
        reference: 'your account',
        retrieve: 'Retrieved the account-settings article',
        toolCall: null,
        reply: [
          'You can change it yourself in a minute: in the app, open Account, then Profile, and tap Email. We send a confirmation link to the new address, and the change takes effect once you open it.',
        ],
      };
    },
  }),
  ...templates('technical', 'en', {
    'routine-how-to-pair'({ rng, smartProduct }) {
      const device = rng.pick(devices);
      return {
        subject: rng.pick([
          `How do I connect my ${smartProduct.name}?`,
          `Setting up the ${smartProduct.name}`,
        ]),
        message: [
          `I just got the ${smartProduct.name}. How do I add it to the Lumen app on my ${device}?`,
        ],
        topic: 'setup how-to',
        reference: `your ${smartProduct.name}`,
        retrieve: `Retrieved the ${smartProduct.name} setup guide`,
        toolCall: null,
        reply: [
          `Setting it up takes about two minutes: open the Lumen app on your ${device}, go to Devices and tap "Add device", then hold the ${smartProduct.name}'s button until its light blinks; the app guides you through the rest.`,
          'Keep your phone close to it while it pairs.',
        ],
      };
    },
    'routine-how-to-scene'({ rng, smartProduct }) {
      const hour = rng.int(6, 9);
      return {
        subject: rng.pick([
          'How do schedules work?',
          `Turn on the ${smartProduct.name} automatically`,
        ]),
        message: [
          `Is there a way to have the ${smartProduct.name} switch on by itself at ${hour} in the morning?`,
        ],
        topic: 'schedules how-to',
        reference: `your ${smartProduct.name}`,
        retrieve: 'Retrieved the scenes and schedules article',
        toolCall: null,
        reply: [
          `Yes: in the app, open Scenes, tap "New schedule", pick the ${smartProduct.name} and set it to switch on at ${hour}:00 on the days you want.`,
          'The schedule runs even when your phone is off.',
        ],
      };
    },
  }),
  ...templates('billing', 'en', {
    'routine-invoice-copy'({ rng, order, customer }) {
      return {
        subject: rng.pick([`Invoice for order #${order}`, 'Need a receipt', 'Copy of my invoice']),
        message: [`Could you send me the invoice for order #${order}? I need it for my records.`],
        topic: 'invoice copy',
        reference: `order #${order}`,
        retrieve: 'Retrieved the invoices article',
        toolCall: `Sent the invoice for order #${order} to ${customer.email}`,
        reply: [
          `I've sent the invoice for order #${order} to ${customer.email}. You can also download every invoice yourself under Account, then Orders, in the app.`,
        ],
      };
    },
    'routine-membership-question'({ rng }) {
      return {
        subject: rng.pick([`What does ${membership.name} include?`, 'Membership renewal date']),
        message: [`When does my ${membership.name} membership renew, and what does it cost?`],
        topic: 'membership question',
        reference: `your ${membership.name} membership`,
        retrieve: `Retrieved the ${membership.name} terms`,
        toolCall: null,
        reply: [
          `${membership.name} renews on the same day each month or year you joined; you can see the exact date under Account, then Membership. The price stays the one you signed up at, and it includes free express shipping.`,
        ],
      };
    },
  }),
];
