import {
  postHocListParamsSchema,
  postHocPageSchema,
  postHocReviewRequestSchema,
  postHocReviewSchema,
  postHocSettingsChangeSchema,
  postHocSettingsSchema,
} from '../post-hoc-schemas';
import { defineOperations, identityProblems, idParams, read, writeProblems } from './define';

/** Post-hoc review of sampled auto-approved replies, and how many get a second review. */
export const postHocOperations = defineOperations({
  listPostHocQueue: {
    method: 'GET',
    path: '/post-hoc-reviews',
    summary:
      'Auto-approved items the policy sampled for post-hoc review and nobody reviewed yet, ' +
      'oldest sent first',
    query: postHocListParamsSchema,
    response: postHocPageSchema,
    description: 'A page, oldest sent first',
    problems: { ...identityProblems, 422: 'Bad parameters' },
    write: false,
  },
  submitPostHocReview: {
    method: 'POST',
    path: '/handoffs/{id}/post-hoc-review',
    summary:
      'Grade a sampled auto-approved reply against its category rubric, once; ' +
      '"needs_follow_up" requires a note',
    params: idParams,
    body: postHocReviewRequestSchema,
    response: postHocReviewSchema,
    status: 201,
    description: 'The recorded review',
    problems: {
      ...writeProblems,
      409:
        'Stale version, already reviewed (by this person, or by everyone needed), or not ' +
        'sampled; carries `current`. An item drawn for double review takes a second, ' +
        'blind review from someone else; no reply names the first verdict before then',
    },
    write: true,
  },
  getPostHocSettings: read(
    '/post-hoc-settings',
    'The share of sampled items that get a second, blind review',
    postHocSettingsSchema,
    'Settings',
  ),
  savePostHocSettings: {
    method: 'PUT',
    path: '/post-hoc-settings',
    summary:
      'Set the double-review share (0 to 1) on the version read; team leads, managers and ' +
      'executives',
    body: postHocSettingsChangeSchema,
    response: postHocSettingsSchema,
    description: 'Saved, as the next version',
    problems: {
      ...writeProblems,
      409: 'The settings moved on since the version sent; carries `currentVersion`',
    },
    write: true,
  },
});
