import '../api/zod-config';
import type { z } from 'zod/mini';
import { type Actor, type Category, categorySchema, type Problem } from '../api/handoff-schemas';
import {
  changeReasonSchema,
  type PolicyChange,
  type PolicyPatch,
  policyPatchSchema,
} from '../api/policy-change-schemas';
import { fieldErrors } from '../api/problem';
import {
  type CategoryPolicy,
  type RoutingPolicy,
  routingPolicySchema,
} from '../api/routing-policy-schemas';
import type { RuleConfig } from '../api/rules-schemas';
import { flagRuleInfo } from './flags';
import { levelLabels } from './levels';

/*
 * Policy changes as an append-only history. Every edit and every rollback is a new version
 * with who, when, why and the full before and after, so "what policy routed this item?" is
 * answered by the version stamped on it. Rule versions only ever go up: a rollback restores
 * old settings under a new version number, so "rule v3" always means one set of settings.
 */

/** A change that cannot be made; `errors` point into the request, as the 422 problem shows. */
export class PolicyChangeError extends Error {
  constructor(
    message: string,
    readonly errors: NonNullable<Problem['errors']> = [],
  ) {
    super(message);
    this.name = 'PolicyChangeError';
  }
}

export interface CommittedChange {
  policy: RoutingPolicy;
  change: PolicyChange;
}

/** Applies a lead's edit: validates it, bumps the versions that changed and records the change. */
export function applyPolicyChange(
  policy: RoutingPolicy,
  patch: PolicyPatch,
  by: Actor,
  reason: string,
  now: number,
): CommittedChange {
  return commit(policy, merge(policy, patch), by, reason, now, {
    kind: 'edit',
    rollbackOf: null,
    undoes: [],
  });
}

/**
 * The policy as it would be if the edit were saved now, for the what-if before saving: the
 * same merge, validation and versions as `applyPolicyChange`, without a reason or a record.
 * An edit that changes nothing previews as the policy itself.
 */
export function previewPolicy(policy: RoutingPolicy, patch: PolicyPatch): RoutingPolicy {
  const content = merge(policy, patch);
  const next = nextPolicy(policy, content, policy.updatedBy, Date.parse(policy.updatedAt));
  return next ?? policy;
}

function merge(policy: RoutingPolicy, patch: PolicyPatch): Content {
  const parsed = policyPatchSchema.safeParse(patch);
  if (!parsed.success) throw invalid(parsed.error, '/patch');
  const categories = { ...policy.categories };
  for (const category of categorySchema.options) {
    const edit = parsed.data.categories?.[category];
    if (edit) categories[category] = { ...categories[category], ...edit };
  }
  const rules = policy.rules.rules.map((rule) => {
    let next: RuleConfig = rule;
    for (const edit of parsed.data.rules ?? []) {
      if (edit.id !== rule.id) continue;
      const { params, ...fields } = edit;
      // The schema check in `nextPolicy` catches any combination the union would not allow.
      next = { ...next, ...fields, params: { ...next.params, ...params } } as RuleConfig;
    }
    return next;
  });
  return { categories, rules };
}

/**
 * Restores the policy as it was just before `changeId`, as a new change. Changes made after
 * it are undone too and listed in `undoes`, so nobody is surprised by what went with it.
 */
export function rollback(
  history: readonly PolicyChange[],
  changeId: string,
  by: Actor,
  reason: string,
  now: number,
): CommittedChange {
  const index = history.findIndex((c) => c.id === changeId);
  const target = history[index];
  const latest = history[history.length - 1];
  if (!target || !latest) {
    throw new PolicyChangeError(`There is no policy change "${changeId}" to roll back.`, [
      { pointer: '/changeId', message: 'No such change.' },
    ]);
  }
  const { categories, rules } = target.before;
  return commit(latest.after, { categories, rules: rules.rules }, by, reason, now, {
    kind: 'rollback',
    rollbackOf: changeId,
    undoes: history.slice(index).map((c) => c.id),
  });
}

/** The policy in force after a history, or `initial` before any change. */
export function currentPolicy(
  history: readonly PolicyChange[],
  initial: RoutingPolicy,
): RoutingPolicy {
  return history[history.length - 1]?.after ?? initial;
}

interface Content {
  categories: Record<Category, CategoryPolicy>;
  rules: RuleConfig[];
}

function commit(
  current: RoutingPolicy,
  content: Content,
  by: Actor,
  reason: string,
  now: number,
  meta: Pick<PolicyChange, 'kind' | 'rollbackOf' | 'undoes'>,
): CommittedChange {
  const why = changeReasonSchema.safeParse(reason);
  if (!why.success) throw invalid(why.error, '/reason');
  const policy = nextPolicy(current, content, by, now);
  if (!policy) {
    throw new PolicyChangeError('The change leaves the policy as it is.', [
      { pointer: '/patch', message: 'Nothing would change.' },
    ]);
  }
  return {
    policy,
    change: {
      id: `policy-v${policy.version}`,
      at: policy.updatedAt,
      by,
      reason: why.data,
      ...meta,
      before: current,
      after: policy,
    },
  };
}

/** The next version with this content, or null when the content is what is in force already. */
function nextPolicy(
  current: RoutingPolicy,
  content: Content,
  by: Actor,
  now: number,
): RoutingPolicy | null {
  let rulesChanged = false;
  const rules = content.rules.map((rule) => {
    const before = current.rules.rules.find((r) => r.id === rule.id);
    if (before && sameRule(before, rule)) return before;
    rulesChanged = true;
    return { ...rule, version: (before?.version ?? 0) + 1 };
  });
  const categoriesChanged = canonical(content.categories) !== canonical(current.categories);
  if (!rulesChanged && !categoriesChanged) return null;

  const candidate: RoutingPolicy = {
    version: current.version + 1,
    categories: content.categories,
    rules: rulesChanged ? { version: current.rules.version + 1, rules } : current.rules,
    updatedAt: new Date(now).toISOString(),
    updatedBy: by,
  };
  const parsed = routingPolicySchema.safeParse(candidate);
  if (!parsed.success) throw invalid(parsed.error, '/policy');
  return parsed.data;
}

function invalid(error: z.core.$ZodError, prefix: string): PolicyChangeError {
  const errors = fieldErrors(error.issues).map((e) => ({
    ...e,
    pointer: `${prefix}${e.pointer === '/' ? '' : e.pointer}`,
  }));
  return new PolicyChangeError(
    `The policy change is not valid: ${errors.map((e) => e.message).join(' ')}`,
    errors,
  );
}

function sameRule(a: RuleConfig, b: RuleConfig): boolean {
  const { version: _a, ...restA } = a;
  const { version: _b, ...restB } = b;
  return canonical(restA) === canonical(restB);
}

/** JSON with sorted keys, so equal settings compare equal whatever order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/* ---------- describing a change for the audit trail ---------- */

const fieldLabels: Record<keyof CategoryPolicy, string> = {
  confidenceThreshold: 'confidence threshold',
  pattern: 'oversight pattern',
  sampleRate: 'post-hoc sample rate',
  gateTimeoutMinutes: 'gate timeout',
  gateDefault: 'gate default',
};

/** One line per setting that differs, for the audit log and the "review your change" step. */
export function describeChange(before: RoutingPolicy, after: RoutingPolicy): string[] {
  const lines: string[] = [];
  for (const category of categorySchema.options) {
    const a = before.categories[category];
    const b = after.categories[category];
    for (const field of Object.keys(fieldLabels) as (keyof CategoryPolicy)[]) {
      if (a[field] === b[field]) continue;
      lines.push(
        `${capitalize(category)}: ${fieldLabels[field]} ${show(field, a[field])} → ${show(field, b[field])}`,
      );
    }
  }
  for (const rule of after.rules.rules) {
    const old = before.rules.rules.find((r) => r.id === rule.id);
    if (!old || sameRule(old, rule)) continue;
    const label = `${flagRuleInfo[rule.id].label} rule (v${old.version} → v${rule.version})`;
    const diffs: string[] = [];
    if (old.enabled !== rule.enabled) diffs.push(rule.enabled ? 'switched on' : 'switched off');
    if (old.response !== rule.response) {
      diffs.push(`response ${words(old.response)} → ${words(rule.response)}`);
    }
    if (old.humanAction !== rule.humanAction) {
      diffs.push(`human action "${old.humanAction}" → "${rule.humanAction}"`);
    }
    if (old.minLevel !== rule.minLevel) {
      diffs.push(`level ${levelLabels[old.minLevel]} → ${levelLabels[rule.minLevel]}`);
    }
    const oldParams = old.params as Record<string, unknown>;
    const newParams = rule.params as Record<string, unknown>;
    for (const key of Object.keys(newParams)) {
      const x = oldParams[key];
      const y = newParams[key];
      if (canonical(x) === canonical(y)) continue;
      diffs.push(paramChange(key, x, y));
    }
    lines.push(`${label}: ${diffs.join('; ')}`);
  }
  return lines;
}

function paramChange(key: string, before: unknown, after: unknown): string {
  const name = words(key.replace(/([A-Z])/g, '_$1').toLowerCase());
  if (Array.isArray(before) && Array.isArray(after)) {
    const added = after.filter((v) => !before.includes(v)).map((v) => `+ "${String(v)}"`);
    const removed = before.filter((v) => !after.includes(v)).map((v) => `− "${String(v)}"`);
    return `${name} ${[...added, ...removed].join(', ') || 'reordered'}`;
  }
  return `${name} ${String(before)} → ${String(after)}`;
}

function show(field: keyof CategoryPolicy, value: CategoryPolicy[keyof CategoryPolicy]): string {
  if (value === null) return 'none';
  if (field === 'confidenceThreshold' || field === 'sampleRate') {
    return `${Math.round(Number(value) * 1000) / 10}%`;
  }
  if (field === 'gateTimeoutMinutes') return `${value} min`;
  return words(String(value));
}

function words(id: string): string {
  return id.replace(/_/g, ' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
