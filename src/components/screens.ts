/*
 * The app's screens as the main navigation lists them, in order, and which of them the command
 * palette offers too. Some screens are only for the people they serve.
 */

export interface ScreensShown {
  managesPeople: boolean;
  managesWebhooks: boolean;
  isDemo: boolean;
}

export function mainScreens(shown: ScreensShown) {
  return [
    { to: '/queue', label: 'Queue', inPalette: true },
    { to: '/dashboard', label: 'Dashboard', inPalette: true },
    { to: '/review', label: 'Post-hoc review', inPalette: true },
    { to: '/audit', label: 'Audit log', inPalette: true },
    { to: '/policy', label: 'Routing policy', inPalette: true },
    { to: '/teams', label: 'Teams', inPalette: true },
    { to: '/agents', label: 'Agents', inPalette: false },
    ...(shown.managesPeople ? [{ to: '/people', label: 'People', inPalette: true }] : []),
    ...(shown.managesWebhooks ? [{ to: '/webhooks', label: 'Webhooks', inPalette: false }] : []),
    ...(shown.isDemo ? [{ to: '/demo', label: 'Demo floor', inPalette: true }] : []),
  ] as const;
}
