import {
  type ClaimRequest,
  claimRequestSchema,
  type PauseRequest,
  pauseRequestSchema,
} from '../../../src/api/handoff-schemas';
import { refuseWrite } from '../item-write';
import { holderOf, ok, on, personOf, type Route, withItem } from '../route-kit';
import type { BackendServices } from '../services';

/*
 * Override (seed: "human intervenes mid-process"): a person pauses the AI, leaving the item
 * waiting for whoever picks it up, or takes it over and holds it with the AI's partial work.
 * Taking over also works on a failed item, where it means "I'll finish this myself".
 */
export const overrideRoutes = (s: BackendServices): Route[] => [
  on('pauseHandoff', ({ user, json, params: { id } }) =>
    withItem<PauseRequest>(s, pauseRequestSchema, json, id, (body, h) => {
      const { version } = body;
      const refused = refuseWrite(s, h, user, {
        version,
        authority: 'claim',
        event: 'pause',
        anyHolder: true,
      });
      if (refused) return refused;
      const note = body.note?.trim() || null;
      const next = s.move(h, 'pause', {
        kind: 'override',
        context: {
          ...h.context,
          nextAction: `${user.name} paused the AI mid-task: review its partial work, then finish, redirect or reject it.`,
        },
      });
      s.record(
        next,
        personOf(user),
        'paused',
        `${user.name} paused the AI; the item waits for a person`,
        {
          why: { reason: note, rule: null, confidence: h.context.confidence },
        },
      );
      return ok(next);
    }),
  ),
  on('takeOverHandoff', ({ user, json, params: { id } }) =>
    withItem<ClaimRequest>(s, claimRequestSchema, json, id, (body, h) => {
      const refused = refuseWrite(s, h, user, {
        version: body.version,
        authority: 'claim',
        event: 'take_over',
      });
      if (refused) return refused;
      const fromAi = h.status === 'ai_working';
      const next = s.move(h, 'take_over', {
        assignee: holderOf(user),
        ...(fromAi ? { kind: 'override' as const } : {}),
      });
      s.record(
        next,
        personOf(user),
        'taken_over',
        fromAi
          ? `${user.name} took over from the AI mid-task, with its partial draft`
          : `${user.name} took over the failed task to finish it by hand`,
        { why: { reason: h.context.diagnosis, rule: null, confidence: h.context.confidence } },
      );
      return ok(next);
    }),
  ),
];
