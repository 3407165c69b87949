export { type AgentOptions, type AwaitOptions, HandoffDeskAgent, Review, Run } from './agent';
export { type ConnectionOptions, HandoffDeskError } from './http';
export type * from './types';
export { verifyWebhook, WebhookVerificationError } from './webhook';
