import type { z } from 'zod';
import {
  type AuditListParams,
  auditListParamsSchema,
  type FeedbackListParams,
  feedbackListParamsSchema,
} from './audit-schemas';

/*
 * Query-string encoding of the audit log's and the feedback loop's parameters: lists are
 * comma-separated, everything else is its plain text. The client and the backends share it.
 */

type Params = Record<string, string | number | readonly string[] | undefined>;

function encode(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  return search;
}

function decode<S extends z.ZodType>(
  search: URLSearchParams,
  schema: S,
  lists: readonly string[],
): z.ZodSafeParseResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (lists.includes(key)) raw[key] = value.split(',').filter(Boolean);
    else if (key === 'limit') raw[key] = Number(value);
    else raw[key] = value;
  }
  return schema.safeParse(raw);
}

const auditLists = ['action', 'rule'] as const;
const feedbackLists = ['correction', 'category'] as const;

export const encodeAuditParams = (p: AuditListParams) => encode(p);
export const decodeAuditParams = (s: URLSearchParams) =>
  decode(s, auditListParamsSchema, auditLists);
export const encodeFeedbackParams = (p: FeedbackListParams) => encode(p);
export const decodeFeedbackParams = (s: URLSearchParams) =>
  decode(s, feedbackListParamsSchema, feedbackLists);
