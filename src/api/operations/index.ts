import { agentOperations } from './agents';
import { auditOperations } from './audit';
import { batchOperations } from './batch';
import { dashboardOperations } from './dashboard';
import type { Operation } from './define';
import { demoOperations } from './demo';
import { handoffOperations } from './handoffs';
import { kindOperations } from './kinds';
import { peopleOperations } from './people';
import { policyOperations } from './policy';
import { postHocOperations } from './post-hoc';
import { sessionOperations } from './session';
import { teamOperations } from './teams';
import { webhookOperations } from './webhooks';

export * from './define';

/** Every operation of the contract, by name. A new endpoint starts as one entry here. */
export const operations = {
  ...handoffOperations,
  ...batchOperations,
  ...kindOperations,
  ...policyOperations,
  ...teamOperations,
  ...auditOperations,
  ...dashboardOperations,
  ...postHocOperations,
  ...peopleOperations,
  ...sessionOperations,
  ...webhookOperations,
  ...demoOperations,
  ...agentOperations,
} satisfies Record<string, Operation>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

export const operationEntries = Object.entries(operations) as [OperationName, Operation][];
