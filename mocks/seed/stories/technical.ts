import { appScreens, devices } from '../catalog';
import { templates } from './types';

const appVersion = (minor: number) => `5.${minor}.0`;

export const technicalStories = templates('technical', 'en', {
  'technical-app-crash'({ rng }) {
    const device = rng.pick(devices);
    const screen = rng.pick(appScreens);
    const version = appVersion(rng.int(12, 14));
    return {
      subject: rng.pick([
        'App keeps crashing',
        `Lumen app crashes on ${screen}`,
        `Crash since update ${version}`,
      ]),
      message: [
        `Since updating the Lumen app to ${version}, it closes every time I open the ${screen} screen on my ${device}. I've restarted the phone and reinstalled the app, same thing.`,
      ],
      topic: 'app crash after update',
      reference: `the app crash on your ${device}`,
      retrieve: `Found known issue APP-${rng.int(3000, 3999)}: ${screen} screen crash in ${version}, fix scheduled`,
      toolCall: null,
      reply: [
        `Thanks for the detail, and sorry for the trouble. Version ${version} has a known bug that makes the ${screen} screen crash on some phones, including the ${device}, and reinstalling won't fix it, so it's not something you did.`,
        'Our fix is in the next update, due later this week. Until then, you can reach the same information from the website at lumen.example/account after signing in.',
      ],
    };
  },
  'technical-pairing'({ rng, smartProduct, order }) {
    return {
      subject: rng.pick([
        `${smartProduct.name} won't connect to Wi-Fi`,
        'Pairing fails during setup',
      ]),
      message: [
        `I can't get my new ${smartProduct.name} to connect. The light blinks orange, and the app gets to "Connecting to Wi-Fi" and then says setup failed.`,
        'My router is only a few metres away and everything else connects fine.',
      ],
      topic: 'device pairing failure',
      reference: `your ${smartProduct.name}`,
      retrieve: 'Retrieved pairing troubleshooting guide (2.4 GHz requirement, reset sequence)',
      toolCall: `Looked up device registrations for order #${order}: device never completed registration`,
      reply: [
        `Sorry your ${smartProduct.name} is giving you trouble. A blinking orange light means it can't see a 2.4 GHz network; many routers now broadcast 5 GHz by default.`,
        'Could you try this: hold the button for 10 seconds until the light blinks white, then in the app choose "Add device" and, when asked for the network, pick the one without "5G" in its name. If your router combines both bands under one name, turning on its "2.4 GHz only" setup mode for a few minutes will do it.',
        "If it still won't connect after that, reply and I'll arrange a replacement.",
      ],
      choice: {
        topic: 'troubleshoot or replace',
        options: () => [
          {
            label: 'Walk through the 2.4 GHz fix',
            rationale:
              'This symptom is the 5 GHz network issue in most cases; a replacement would fail the same way.',
            reply: [
              `A blinking orange light on your ${smartProduct.name} usually means it can't see a 2.4 GHz network. Reset it (hold 10 seconds), then pick the network without "5G" in its name during setup.`,
            ],
          },
          {
            label: 'Send a replacement',
            rationale:
              'The device never registered at all, which can also mean a faulty radio; quicker for the customer if it is hardware.',
            reply: [
              `Sorry your ${smartProduct.name} won't connect. It never registered with our servers, so I've sent a replacement unit; it should arrive in 2-4 business days.`,
            ],
          },
        ],
      },
    };
  },
  'technical-checkout-error'({ rng, product }) {
    const code = rng.pick(['PAY-402', 'PAY-417', 'CHK-500']);
    const attempts = rng.int(2, 4);
    return {
      subject: rng.pick([`Error ${code} at checkout`, "Can't pay for my order"]),
      message: [
        `I've tried ${attempts} times to buy the ${product.name} and every time I get "Error ${code}" after entering my card details. The card works everywhere else.`,
      ],
      topic: 'checkout payment error',
      reference: 'your checkout',
      retrieve: `Retrieved the checkout error catalogue entry for ${code}`,
      toolCall: `Looked up checkout logs: ${attempts} attempts declined, reason: 3-D Secure timed out`,
      reply: [
        `Sorry you've had trouble checking out. I looked at your ${attempts} attempts: your card wasn't declined; the bank's security check (the pop-up or app confirmation) timed out before it was completed.`,
        "Please try once more and keep the page open while your bank's app asks you to confirm. If it happens again, paying with PayPal or Apple Pay skips that step, and your basket is saved either way.",
      ],
    };
  },
  'technical-missing-data'({ rng }) {
    const device = rng.pick(devices);
    const scenes = rng.int(4, 14);
    return {
      subject: rng.pick(['My scenes disappeared', 'Lost all my settings on new phone']),
      message: [
        `I logged into the Lumen app on my new ${device} and all ${scenes} of my lighting scenes are gone. The devices show up but none of the schedules or scenes do.`,
        'Please tell me they are not lost, it took ages to set up.',
      ],
      topic: 'missing scenes after new phone',
      reference: 'your saved scenes',
      retrieve: 'Retrieved the cloud backup article for scenes and schedules',
      toolCall: `Looked up cloud backup: last backup 3 days ago with ${scenes} scenes`,
      reply: [
        `Don't worry, your scenes aren't lost. Your account's cloud backup from three days ago contains all ${scenes} of them; the new phone just hasn't restored it yet.`,
        'In the app, go to Settings > Backup > Restore and choose the most recent backup. It takes about a minute, and your schedules will come back with the scenes.',
      ],
    };
  },
  'technical-how-to'({ rng, smartProduct }) {
    return {
      subject: rng.pick(['How do I set a schedule?', `Question about my ${smartProduct.name}`]),
      message: [
        `Is there a way to have my ${smartProduct.name} turn on at sunset and off at 11pm every day? I can only find a fixed-time option.`,
      ],
      topic: 'how-to question (schedules)',
      reference: `your ${smartProduct.name}`,
      retrieve: 'Retrieved the help-centre article "Sunrise and sunset schedules"',
      toolCall: null,
      reply: [
        `Yes, you can. In the app, open your ${smartProduct.name}, tap Schedules > New, and under "Start" choose "Sunset" instead of a fixed time (it adjusts through the year for your location). Then set "End" to 11:00 pm and pick every day.`,
        'If "Sunset" is greyed out, allow the app to use your approximate location in your phone settings; it only needs it to work out sunset times.',
      ],
    };
  },
});
