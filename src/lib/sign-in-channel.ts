/*
 * A sign-in finished in a popup tells the page that opened it. Not through `window.opener`:
 * the app's Cross-Origin-Opener-Policy cuts that link once the popup visits the identity
 * provider. A broadcast channel reaches every page of this origin in the browser.
 */

const CHANNEL = 'handoff-desk-sign-in';
const SIGNED_IN = 'signed-in';

/** Said by the popup when the provider's sign-in completed. */
export function announceSignedIn(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(SIGNED_IN);
  channel.close();
}

/** Calls `then` each time a popup says someone signed in; returns the unsubscribe function. */
export function onSignedInElsewhere(then: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    if (event.data === SIGNED_IN) then();
  };
  return () => channel.close();
}
