import { decodeAuditParams, decodeFeedbackParams } from '../../../src/api/audit-params';
import { paths } from '../../../src/api/endpoints';
import { makeProblem } from '../../../src/api/problem';
import type { ApiReply } from '../http-types';
import { invalid, ok, problemReply, route } from '../route-kit';
import type { RouteGroup } from '../services';
import { AuditLog } from './audit-log';
import { InvalidAuditCursorError } from './cursor';
import { FeedbackLog } from './feedback';

/** GET /audit (the global log) and GET /feedback (corrections as training records). */
export const auditRoutes: RouteGroup = (s) => {
  const log = new AuditLog();
  const feedback = new FeedbackLog();
  return [
    route('GET', paths.audit, false, ({ req }) => {
      const parsed = decodeAuditParams(req.query);
      if (!parsed.success) return invalid(parsed.error, 'The audit log parameters are not valid.');
      return withCursor(() => ok(log.page(s.world, parsed.data)));
    }),
    route('GET', paths.feedback, false, ({ req }) => {
      const parsed = decodeFeedbackParams(req.query);
      if (!parsed.success) return invalid(parsed.error, 'The feedback parameters are not valid.');
      return withCursor(() => ok(feedback.page(s.world, parsed.data)));
    }),
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
