/*
 * The app's screens as the main navigation and the command palette list them, in order. Some
 * screens are only for the people they serve.
 */

export interface ScreensShown {
  managesPeople: boolean;
  managesWebhooks: boolean;
  isDemo: boolean;
}

export function mainScreens(shown: ScreensShown) {
  return [
    { to: '/queue', label: 'Queue' },
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/review', label: 'Post-hoc review' },
    { to: '/audit', label: 'Audit log' },
    { to: '/policy', label: 'Routing policy' },
    { to: '/teams', label: 'Teams' },
    { to: '/agents', label: 'Agents' },
    ...(shown.managesPeople ? [{ to: '/people', label: 'People' }] : []),
    ...(shown.managesWebhooks ? [{ to: '/webhooks', label: 'Webhooks' }] : []),
    ...(shown.isDemo ? [{ to: '/demo', label: 'Demo floor' }] : []),
  ] as const;
}
