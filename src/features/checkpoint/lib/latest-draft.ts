import type { DraftVersion, Handoff } from '../../../api/handoff-schemas';

export function latestDraft(h: Handoff): DraftVersion {
  // The contract guarantees at least one draft.
  return h.drafts[h.drafts.length - 1] as DraftVersion;
}
