import type { Operation, OperationName } from './index';

/*
 * Which module of the table defines each operation, so the client can load a feature's schemas
 * when one of its operations is first called instead of carrying the whole table in the entry.
 * Only names here: methods, paths and schemas stay in the modules. A new operation gets one line
 * (the type check fails until it has one; operations.test.ts fails if the module is wrong).
 */

type Table = Readonly<Record<string, Operation>>;

/** Each module of the table, loaded on demand (one chunk per feature in the build). */
export const operationModules = {
  agents: () => import('./agents').then((m) => m.agentOperations),
  audit: () => import('./audit').then((m) => m.auditOperations),
  batch: () => import('./batch').then((m) => m.batchOperations),
  dashboard: () => import('./dashboard').then((m) => m.dashboardOperations),
  demo: () => import('./demo').then((m) => m.demoOperations),
  handoffs: () => import('./handoffs').then((m) => m.handoffOperations),
  kinds: () => import('./kinds').then((m) => m.kindOperations),
  people: () => import('./people').then((m) => m.peopleOperations),
  policy: () => import('./policy').then((m) => m.policyOperations),
  'post-hoc': () => import('./post-hoc').then((m) => m.postHocOperations),
  session: () => import('./session').then((m) => m.sessionOperations),
  teams: () => import('./teams').then((m) => m.teamOperations),
  webhooks: () => import('./webhooks').then((m) => m.webhookOperations),
} satisfies Record<string, () => Promise<Table>>;

export type OperationModule = keyof typeof operationModules;

/** The module that defines each operation. */
export const operationModuleOf = {
  listAgentKeys: 'agents',
  createAgentKey: 'agents',
  revokeAgentKey: 'agents',
  listAgentRuns: 'agents',
  getAgentSelf: 'agents',
  startAgentRun: 'agents',
  heartbeatAgentRun: 'agents',
  failAgentRun: 'agents',
  createAgentHandoff: 'agents',
  getHandoffOutcome: 'agents',
  listAgentRedirects: 'agents',
  submitAgentDraft: 'agents',
  reportExecution: 'agents',
  listAudit: 'audit',
  listFeedback: 'audit',
  listSimilarGroups: 'batch',
  decideBatch: 'batch',
  getDashboard: 'dashboard',
  resetDemo: 'demo',
  getDemoSettings: 'demo',
  saveDemoSettings: 'demo',
  listHandoffs: 'handoffs',
  claimNextHandoff: 'handoffs',
  getHandoff: 'handoffs',
  listHandoffEvents: 'handoffs',
  claimHandoff: 'handoffs',
  releaseHandoff: 'handoffs',
  saveDraft: 'handoffs',
  decideHandoff: 'handoffs',
  streamChanges: 'handoffs',
  pauseHandoff: 'kinds',
  takeOverHandoff: 'kinds',
  retryHandoff: 'kinds',
  reassignHandoff: 'kinds',
  initiateHandoff: 'kinds',
  getMe: 'people',
  listUsers: 'people',
  getPolicy: 'policy',
  previewPolicy: 'policy',
  listPolicyChanges: 'policy',
  changePolicy: 'policy',
  rollbackPolicy: 'policy',
  getLadder: 'policy',
  ingestArrival: 'policy',
  listPostHocQueue: 'post-hoc',
  submitPostHocReview: 'post-hoc',
  getPostHocSettings: 'post-hoc',
  savePostHocSettings: 'post-hoc',
  getSession: 'session',
  signIn: 'session',
  signOut: 'session',
  startOidcSignIn: 'session',
  finishOidcSignIn: 'session',
  listPeople: 'session',
  addPerson: 'session',
  resetPassword: 'session',
  updatePerson: 'session',
  listSignInEvents: 'session',
  getTeams: 'teams',
  previewTeams: 'teams',
  listTeamChanges: 'teams',
  changeTeams: 'teams',
  rerouteHandoff: 'teams',
  listWebhooks: 'webhooks',
  createWebhook: 'webhooks',
  deleteWebhook: 'webhooks',
  rotateWebhookSecret: 'webhooks',
  listWebhookDeliveries: 'webhooks',
  resendWebhookDelivery: 'webhooks',
} as const satisfies Record<OperationName, OperationModule>;
