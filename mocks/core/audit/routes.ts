import { makeProblem } from '../../../src/api/problem';
import type { ApiReply } from '../http-types';
import { ok, on, problemReply } from '../route-kit';
import type { RouteGroup } from '../services';
import { AuditLog } from './audit-log';
import { InvalidAuditCursorError } from './cursor';
import { FeedbackLog } from './feedback';

/** GET /audit (the global log) and GET /feedback (corrections as training records). */
export const auditRoutes: RouteGroup = (s) => {
  const log = new AuditLog();
  const feedback = new FeedbackLog();
  return [
    on('listAudit', ({ query }) => withCursor(() => ok(log.page(s.world, query)))),
    on('listFeedback', ({ query }) => withCursor(() => ok(feedback.page(s.world, query)))),
  ];
};

function withCursor(run: () => ApiReply): ApiReply {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof InvalidAuditCursorError)) throw error;
    return problemReply(
      makeProblem('validation', error.message, {
        errors: [{ pointer: '/cursor', message: error.message }],
      }),
    );
  }
}
