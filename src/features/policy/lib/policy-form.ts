import type { GateDefault, RuleResponse } from '../../../api/handoff-schemas';
import { type Category, categorySchema, type Level, type Tier } from '../../../api/handoff-schemas';
import type { PolicyPatch } from '../../../api/policy-change-schemas';
import type {
  CategoryPolicy,
  OversightPattern,
  RoutingPolicy,
} from '../../../api/routing-policy-schemas';
import type { RuleConfig, RulePatch } from '../../../api/rules-schemas';
import { PolicyChangeError, previewPolicy } from '../../../domain/policy-history';

/*
 * The policy screen's form: what a lead types (strings, percentages), turned into the patch
 * the backend takes, and every error, local or from the server, pinned to the field it is
 * about. Validation runs the same `previewPolicy` the backend runs, so the screen and the
 * server never disagree about what is allowed.
 */

export interface CategoryDraft {
  /** Percent, as typed. */
  confidenceThreshold: string;
  pattern: OversightPattern;
  /** Percent, as typed. */
  sampleRate: string;
  /** Minutes, as typed; empty means no gate. */
  gateTimeoutMinutes: string;
  gateDefault: GateDefault;
}

export interface RuleDraft {
  id: RuleConfig['id'];
  enabled: boolean;
  response: RuleResponse;
  humanAction: string;
  minLevel: Exclude<Level, 'ai'>;
  /** Each parameter as typed: numbers and lists as text, tiers as a set. */
  params: Record<string, string | Tier[]>;
}

export interface PolicyDraft {
  categories: Record<Category, CategoryDraft>;
  rules: RuleDraft[];
}

/** Field key → message. Keys: `categories.<c>.<field>`, `rules.<id>.<field>`, `reason`, `form`. */
export type FormErrors = Record<string, string>;

const percentText = (value: number) => String(Math.round(value * 1000) / 10);

export function draftFromPolicy(policy: RoutingPolicy): PolicyDraft {
  const categories = Object.fromEntries(
    categorySchema.options.map((c) => {
      const p = policy.categories[c];
      return [
        c,
        {
          confidenceThreshold: percentText(p.confidenceThreshold),
          pattern: p.pattern,
          sampleRate: percentText(p.sampleRate),
          gateTimeoutMinutes: p.gateTimeoutMinutes === null ? '' : String(p.gateTimeoutMinutes),
          gateDefault: p.gateDefault,
        },
      ];
    }),
  ) as Record<Category, CategoryDraft>;
  return { categories, rules: policy.rules.rules.map(ruleDraft) };
}

function ruleDraft(rule: RuleConfig): RuleDraft {
  const base = {
    id: rule.id,
    enabled: rule.enabled,
    response: rule.response,
    humanAction: rule.humanAction,
    minLevel: rule.minLevel,
  };
  switch (rule.id) {
    case 'low_confidence':
      return { ...base, params: { threshold: percentText(rule.params.threshold) } };
    case 'policy_keyword':
      return { ...base, params: { keywords: rule.params.keywords.join('\n') } };
    case 'high_value':
      return {
        ...base,
        params: {
          tiers: [...rule.params.tiers],
          lifetimeValueLimit: String(rule.params.lifetimeValueLimit),
        },
      };
    case 'anomaly':
      return {
        ...base,
        params: {
          maxBodyLength: String(rule.params.maxBodyLength),
          maxAttachments: String(rule.params.maxAttachments),
          expectedLanguages: rule.params.expectedLanguages.join(', '),
          burstCount: String(rule.params.burstCount),
          burstWindowMinutes: String(rule.params.burstWindowMinutes),
        },
      };
    default:
      return { ...base, params: {} };
  }
}

/* ---------- draft → patch ---------- */

export interface DraftPatch {
  patch: PolicyPatch;
  /** The rule id of each entry in `patch.rules`, to read server pointers back. */
  ruleIds: RuleConfig['id'][];
  /** Fields that are not even numbers. */
  errors: FormErrors;
  /** Whether anything differs from the policy in force. */
  changed: boolean;
}

type Parsed = { ok: true; value: number } | { ok: false; message: string };

function parseNumber(text: string, { percent = false, integer = false } = {}): Parsed {
  const trimmed = text.trim();
  if (trimmed === '' || !Number.isFinite(Number(trimmed))) {
    return {
      ok: false,
      message: percent ? 'Enter a percentage from 0 to 100.' : 'Enter a number.',
    };
  }
  const n = Number(trimmed);
  if (integer && !Number.isInteger(n)) return { ok: false, message: 'Enter a whole number.' };
  // Percentages to a tenth of a point, so 85 means exactly 0.85.
  return { ok: true, value: percent ? Math.round(n * 10) / 1000 : n };
}

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function patchFromDraft(policy: RoutingPolicy, draft: PolicyDraft): DraftPatch {
  const errors: FormErrors = {};
  const categories: NonNullable<PolicyPatch['categories']> = {};
  for (const c of categorySchema.options) {
    const d = draft.categories[c];
    const p = policy.categories[c];
    const edit: Partial<CategoryPolicy> = {};
    const numeric = (field: 'confidenceThreshold' | 'sampleRate', text: string) => {
      const parsed = parseNumber(text, { percent: true });
      if (!parsed.ok) errors[`categories.${c}.${field}`] = parsed.message;
      else if (parsed.value !== p[field]) edit[field] = parsed.value;
    };
    numeric('confidenceThreshold', d.confidenceThreshold);
    numeric('sampleRate', d.sampleRate);
    if (d.pattern !== p.pattern) edit.pattern = d.pattern;
    if (d.gateDefault !== p.gateDefault) edit.gateDefault = d.gateDefault;
    if (d.gateTimeoutMinutes.trim() === '') {
      if (p.gateTimeoutMinutes !== null) edit.gateTimeoutMinutes = null;
    } else {
      const parsed = parseNumber(d.gateTimeoutMinutes, { integer: true });
      if (!parsed.ok) errors[`categories.${c}.gateTimeoutMinutes`] = parsed.message;
      else if (parsed.value !== p.gateTimeoutMinutes) edit.gateTimeoutMinutes = parsed.value;
    }
    if (Object.keys(edit).length > 0) categories[c] = edit;
  }

  const rules: RulePatch[] = [];
  const ruleIds: RuleConfig['id'][] = [];
  for (const d of draft.rules) {
    const rule = policy.rules.rules.find((r) => r.id === d.id);
    if (!rule) continue;
    const edit: Record<string, unknown> = {};
    if (d.enabled !== rule.enabled) edit.enabled = d.enabled;
    if (d.response !== rule.response) edit.response = d.response;
    if (d.humanAction !== rule.humanAction) edit.humanAction = d.humanAction;
    if (d.minLevel !== rule.minLevel) edit.minLevel = d.minLevel;
    const params = paramsPatch(rule, d, errors);
    if (Object.keys(params).length > 0) edit.params = params;
    if (Object.keys(edit).length === 0) continue;
    rules.push({ id: d.id, ...edit } as RulePatch);
    ruleIds.push(d.id);
  }

  const patch: PolicyPatch = {};
  if (Object.keys(categories).length > 0) patch.categories = categories;
  if (rules.length > 0) patch.rules = rules;
  return { patch, ruleIds, errors, changed: Object.keys(patch).length > 0 };
}

function paramsPatch(rule: RuleConfig, d: RuleDraft, errors: FormErrors) {
  const out: Record<string, unknown> = {};
  const current = rule.params as Record<string, unknown>;
  const key = (name: string) => `rules.${rule.id}.params.${name}`;
  for (const [name, raw] of Object.entries(d.params)) {
    const before = current[name];
    if (Array.isArray(raw)) {
      if (!sameList(raw, before as string[])) out[name] = raw;
      continue;
    }
    if (Array.isArray(before)) {
      const list = splitList(raw, name === 'keywords' ? /\n|,/ : /,|\s+/);
      if (!sameList(list, before as string[])) out[name] = list;
      continue;
    }
    const parsed = parseNumber(raw, {
      percent: name === 'threshold',
      integer: name !== 'threshold' && name !== 'lifetimeValueLimit',
    });
    if (!parsed.ok) errors[key(name)] = parsed.message;
    else if (parsed.value !== before) out[name] = parsed.value;
  }
  return out;
}

/* ---------- validation and pointers ---------- */

/** Every field key the form shows, so a pointer can find the nearest one. */
export function fieldKeys(draft: PolicyDraft): string[] {
  const keys: string[] = [];
  for (const c of categorySchema.options) {
    for (const field of Object.keys(draft.categories[c])) keys.push(`categories.${c}.${field}`);
  }
  for (const r of draft.rules) {
    for (const field of ['enabled', 'response', 'humanAction', 'minLevel']) {
      keys.push(`rules.${r.id}.${field}`);
    }
    for (const name of Object.keys(r.params)) keys.push(`rules.${r.id}.params.${name}`);
  }
  keys.push('reason');
  return keys;
}

/**
 * Where a problem's JSON pointer lands on the form: the patch's rules are addressed by index
 * in the request, the candidate policy's by index in the rules table.
 */
export function fieldForPointer(
  pointer: string,
  policy: RoutingPolicy,
  ruleIds: readonly string[],
  keys: readonly string[],
): string {
  const parts = pointer.split('/').slice(1);
  let path: string[] = [];
  if (parts[0] === 'reason') return 'reason';
  if ((parts[0] === 'patch' || parts[0] === 'policy') && parts[1] === 'categories') {
    path = ['categories', ...parts.slice(2)];
  } else if (parts[0] === 'patch' && parts[1] === 'rules') {
    const id = ruleIds[Number(parts[2])];
    if (id) path = ['rules', id, ...parts.slice(3)];
  } else if (parts[0] === 'policy' && parts[1] === 'rules' && parts[2] === 'rules') {
    const id = policy.rules.rules[Number(parts[3])]?.id;
    if (id) path = ['rules', id, ...parts.slice(4)];
  }
  for (let n = path.length; n > 0; n -= 1) {
    const key = path.slice(0, n).join('.');
    if (keys.includes(key)) return key;
  }
  return 'form';
}

export function errorsFromPointers(
  errors: readonly { pointer: string; message: string }[],
  policy: RoutingPolicy,
  ruleIds: readonly string[],
  keys: readonly string[],
): FormErrors {
  const out: FormErrors = {};
  for (const e of errors) {
    const field = fieldForPointer(e.pointer, policy, ruleIds, keys);
    out[field] = out[field] ? `${out[field]} ${e.message}` : e.message;
  }
  return out;
}

/** The draft checked exactly as the backend will check it; empty when it would be accepted. */
export function validateDraft(policy: RoutingPolicy, draft: PolicyDraft): DraftPatch {
  const result = patchFromDraft(policy, draft);
  if (Object.keys(result.errors).length > 0 || !result.changed) return result;
  try {
    previewPolicy(policy, result.patch);
    return result;
  } catch (error) {
    if (!(error instanceof PolicyChangeError)) throw error;
    const errors = errorsFromPointers(error.errors, policy, result.ruleIds, fieldKeys(draft));
    return { ...result, errors };
  }
}
