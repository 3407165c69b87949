import type { Gate, GateDefault, Handoff, HandoffStatus } from '../api/handoff-schemas';
import { escalationTargets, levelLabels } from './levels';
import { isOpen } from './lifecycle';
import { optionsInForce } from './options';

/*
 * Approval gates (seed pattern A): decide before the timeout or the system applies the
 * default. These rules are shared by the backend job that applies defaults and the screens
 * that count down to them, so both agree on when a gate is live and what it will do.
 */

/** How long before the timeout the warning starts. */
export const GATE_WARNING_MS = 5 * 60_000;

/** A new gate that times out `timeoutMs` after `startMs`. */
export function newGate(startMs: number, timeoutMs: number, defaultAction: GateDefault): Gate {
  const timeoutAt = startMs + timeoutMs;
  return {
    timeoutAt: new Date(timeoutAt).toISOString(),
    warnAt: new Date(Math.max(startMs, timeoutAt - GATE_WARNING_MS)).toISOString(),
    defaultAction,
    applied: null,
  };
}

/** Whether the gate still runs: not applied yet, on an item a person can still decide. */
export function gateIsLive(item: { status: HandoffStatus; gate: Gate | null }): boolean {
  return item.gate !== null && item.gate.applied === null && isOpen(item.status);
}

export type GatePhase = 'running' | 'warning' | 'due' | 'applied';

export function gatePhase(gate: Gate, now: number): GatePhase {
  if (gate.applied) return 'applied';
  if (now >= Date.parse(gate.timeoutAt)) return 'due';
  if (now >= Date.parse(gate.warnAt)) return 'warning';
  return 'running';
}

interface GateDefaultWording {
  /** Its name where a lead chooses it for a category. */
  name: string;
  /** What it does, as a reviewer reads it after "then the system will…". */
  outcome: string;
  /** For the queue, where there is room for two words. */
  short: string;
}

/** Every way the app words a gate's default, in one place. */
const gateDefaultWording: Record<GateDefault, GateDefaultWording> = {
  approve: { name: 'Approve', outcome: 'send the draft as it is', short: 'auto-approve' },
  reject: { name: 'Reject', outcome: 'reject the draft and send nothing', short: 'auto-reject' },
  hold_and_escalate: {
    name: 'Holding reply + escalate',
    outcome: 'send a holding reply and escalate one level',
    short: 'hold + escalate',
  },
};

const wordingOf = (form: keyof GateDefaultWording) =>
  Object.fromEntries(
    Object.entries(gateDefaultWording).map(([action, words]) => [action, words[form]]),
  ) as Record<GateDefault, string>;

export const gateDefaultNames = wordingOf('name');
export const gateDefaultLabels = wordingOf('outcome');
export const gateDefaultShort = wordingOf('short');

/**
 * The default the system may actually apply. Silence never approves what the rules say a
 * person must decide (a hard stop, a choice between options, a failed task) or what a person
 * is still editing: those fall back to the safe default.
 */
export function effectiveGateDefault(item: Handoff): GateDefault {
  const action = item.gate?.defaultAction ?? 'hold_and_escalate';
  if (action !== 'approve') return action;
  const { flags, diagnosis } = item.context;
  const needsPerson =
    flags.some((f) => f.hardStop) || optionsInForce(item).length > 1 || diagnosis !== null;
  // Someone is mid-edit: sending the old draft would discard their work, theirs is unapproved.
  const midEdit = item.workingDraft !== null && item.workingDraft.text !== item.drafts.at(-1)?.text;
  return needsPerson || midEdit ? 'hold_and_escalate' : 'approve';
}

/** The level a held item goes to: one up, or the top level when it is already there. */
export function holdTarget(item: Handoff) {
  return escalationTargets(item.level)[0] ?? item.level;
}

const clockTime = (iso: string) => `${iso.slice(11, 16)} UTC`;

/** Why the system acted, for the audit trail and the item: the timeout, then what it did. */
export function gateReason(item: Handoff, applied: GateDefault): string {
  const gate = item.gate;
  const when = gate ? clockTime(gate.timeoutAt) : 'its timeout';
  const base = `Nobody decided before the approval gate timed out at ${when}`;
  if (gate && applied !== gate.defaultAction) {
    return `${base}. The gate's default is to approve, but this item needs a person's decision, so the system applied the safe default: ${gateDefaultLabels[applied]} (to ${levelLabels[holdTarget(item)]}).`;
  }
  if (applied === 'hold_and_escalate') {
    return `${base}; its default is to ${gateDefaultLabels[applied]} (to ${levelLabels[holdTarget(item)]}).`;
  }
  return `${base}; its default is to ${gateDefaultLabels[applied]}.`;
}
