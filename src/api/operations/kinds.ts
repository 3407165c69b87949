import {
  claimRequestSchema,
  handoffSchema,
  initiationRequestSchema,
  pauseRequestSchema,
  reassignRequestSchema,
} from '../handoff-schemas';
import { defineOperations, itemWrite, writeProblems } from './define';

/** The handoff kinds beyond the checkpoint: override, recovery from AI failure, initiation. */
export const kindOperations = defineOperations({
  pauseHandoff: itemWrite(
    'POST',
    '/handoffs/{id}/pause',
    'Stop the AI mid-task; the item waits for a person',
    pauseRequestSchema,
  ),
  takeOverHandoff: itemWrite(
    'POST',
    '/handoffs/{id}/take-over',
    'Take an AI-working or failed item and hold it',
    claimRequestSchema,
  ),
  retryHandoff: itemWrite(
    'POST',
    '/handoffs/{id}/retry',
    'Have the AI try a failed task again',
    claimRequestSchema,
  ),
  reassignHandoff: itemWrite(
    'POST',
    '/handoffs/{id}/reassign',
    'Hand a failed item to another level (still failed) or to one person',
    reassignRequestSchema,
  ),
  initiateHandoff: {
    method: 'POST',
    path: '/initiations',
    summary: 'Hand the AI a task about an item’s ticket; the result is a new handoff',
    body: initiationRequestSchema,
    response: handoffSchema,
    status: 201,
    description: 'The new item',
    problems: writeProblems,
    write: true,
  },
});
