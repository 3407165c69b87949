import { createTwoFilesPatch } from 'diff';
import type { Actor, AuditEvent, FlagRule, Handoff } from '../../src/api/handoff-schemas';
import { actionsFromText } from '../../src/domain/actions';
import { AI_ACTOR } from '../../src/domain/actors';
import { levelLabels } from '../../src/domain/levels';
import { optionsInForce } from '../../src/domain/options';
import { amountsOnItem } from '../../src/domain/text-guard';
import { reviseDraft } from '../ai/revise';
import { intern } from './intern';
import { isoAt } from './iso';
import { joinLetter, splitLetter } from './letter-parts';
import type { Move } from './plan';
import { personActor, routerActor, rulesActor } from './users';

/*
 * Replays a planned history onto a freshly created handoff, writing the audit trail as the
 * backend would have: same actors, same wording, one version step per status change.
 */

type Why = AuditEvent['why'];
const noWhy: Why = { reason: null, rule: null, confidence: null };

export class HistoryWriter {
  readonly events: AuditEvent[] = [];
  private h: Handoff;

  constructor(created: Handoff, createdOutcome: string) {
    this.h = created;
    // Creation, flags and the first draft share one instant and one timestamp string.
    const at = created.createdAt;
    const { confidence } = created.context;
    this.record(at, AI_ACTOR, 'created', createdOutcome, { why: { ...noWhy, confidence } });
    for (const flag of created.context.flags) {
      this.record(at, rulesActor, 'flagged', flag.message, {
        why: {
          ...noWhy,
          rule: flag.rule,
          confidence: flag.rule === 'low_confidence' ? confidence : null,
        },
      });
    }
  }

  get handoff(): Handoff {
    return this.h;
  }

  /** Applies one move at `time`; `until` bounds any follow-up the AI makes on its own. */
  apply(move: Move, time: number, until: number): void {
    const { confidence } = this.h.context;
    const at = isoAt(time);
    switch (move.type) {
      case 'claim': {
        const by = personActor(move.by);
        this.change(at, 'claimed', { assignee: { id: by.id, name: by.name } });
        this.record(at, by, 'claimed', intern(`Claimed by ${by.name}`));
        return;
      }
      case 'approve': {
        const by = personActor(move.by);
        const option =
          move.optionIndex === null ? undefined : optionsInForce(this.h)[move.optionIndex];
        const base = option?.draft ?? this.currentDraft();
        const finalText = move.addition ? addBeforeSignOff(base, move.addition) : base;
        const edited = finalText !== base;
        this.change(at, 'approved', {
          selectedOptionId: option?.id ?? null,
          outcome: { action: 'approve', by, at, edited, finalText, reason: null },
        });
        this.record(
          at,
          by,
          'approved',
          edited ? 'Sent to the customer with edits' : 'Sent to the customer as drafted',
          {
            why: { ...noWhy, confidence },
            diff: edited
              ? createTwoFilesPatch('AI draft', 'Sent reply', base, finalText, '', '', {
                  context: 2,
                })
              : null,
            timeOnItemMs: move.timeOnItemMs,
            // Approving over a hard stop is only possible once it is acknowledged; reviewers tick them all.
            acknowledgedFlags: this.h.context.flags.map((f) => f.rule),
          },
        );
        return;
      }
      case 'reject': {
        const by = personActor(move.by);
        this.change(at, 'rejected', {
          outcome: {
            action: 'reject',
            by,
            at,
            edited: false,
            finalText: null,
            reason: move.reason,
          },
        });
        this.record(at, by, 'rejected', 'Draft rejected; nothing sent', {
          why: { ...noWhy, reason: move.reason, confidence },
          timeOnItemMs: move.timeOnItemMs,
        });
        return;
      }
      case 'escalate': {
        const by = personActor(move.by);
        this.change(at, 'escalated', {
          level: move.target,
          assignee: null,
          escalation: { by, at, fromLevel: this.h.level, note: move.note },
        });
        this.record(at, by, 'escalated', intern(`Escalated to ${levelLabels[move.target]}`), {
          why: { ...noWhy, reason: move.note, confidence },
          timeOnItemMs: move.timeOnItemMs,
        });
        return;
      }
      case 'redirect': {
        const by = personActor(move.by);
        this.change(at, 'redirected', {});
        this.record(at, by, 'redirected', 'Sent back to the AI with instructions', {
          why: { ...noWhy, reason: move.instructions, confidence },
          timeOnItemMs: move.timeOnItemMs,
        });
        // The mock AI answers within seconds; the item goes back to the same reviewer.
        const revisedAt = isoAt(
          time + Math.max(1, Math.min(12_000, Math.floor((until - time) / 2))),
        );
        const number = this.h.drafts.length + 1;
        const text = reviseDraft(this.currentDraft(), move.instructions, this.h.ticket);
        const draft = {
          number,
          text,
          author: AI_ACTOR,
          createdAt: revisedAt,
          note: `Redirected: “${move.instructions}”`,
          actions: actionsFromText(text, amountsOnItem(this.h)),
        };
        this.change(revisedAt, 'claimed', { drafts: [...this.h.drafts, draft] });
        this.record(
          revisedAt,
          AI_ACTOR,
          'draft_revised',
          intern(`Draft ${number} written from ${by.name}’s instructions`),
          {
            why: { ...noWhy, reason: move.instructions, confidence },
          },
        );
        return;
      }
      case 'auto_approve': {
        const finalText = this.currentDraft();
        this.change(at, 'auto_approved', {
          outcome: {
            action: 'approve',
            by: routerActor,
            at,
            edited: false,
            finalText,
            reason: null,
          },
        });
        this.record(
          at,
          routerActor,
          'auto_approved',
          intern(
            `Sent without review: confidence ${Math.round(confidence * 100)}% and no rule fired`,
          ),
          {
            why: { ...noWhy, confidence },
          },
        );
        return;
      }
      case 'fail': {
        this.change(at, 'failed', {});
        this.record(
          at,
          AI_ACTOR,
          'failed',
          'Stopped before finishing; handed to a person with a diagnosis',
          {
            why: { ...noWhy, reason: this.h.context.diagnosis, confidence },
          },
        );
        return;
      }
    }
  }

  private currentDraft(): string {
    return this.h.drafts[this.h.drafts.length - 1]?.text ?? '';
  }

  private change(at: string, status: Handoff['status'], patch: Partial<Handoff>): void {
    this.h = { ...this.h, ...patch, status, version: this.h.version + 1, updatedAt: at };
  }

  private record(
    at: string,
    actor: Actor,
    action: AuditEvent['action'],
    outcome: string,
    extra: {
      why?: Why;
      diff?: string | null;
      timeOnItemMs?: number;
      acknowledgedFlags?: FlagRule[];
    } = {},
  ): void {
    this.events.push({
      id: `e-${this.h.id}-${this.events.length + 1}`,
      handoffId: this.h.id,
      at,
      actor,
      action,
      why: extra.why ?? noWhy,
      outcome,
      version: this.h.version,
      diff: extra.diff ?? null,
      timeOnItemMs: extra.timeOnItemMs ?? null,
      acknowledgedFlags: extra.acknowledgedFlags ?? [],
    });
  }
}

/** A reviewer's typical edit: one more line of their own before the sign-off. */
function addBeforeSignOff(text: string, addition: string): string {
  const letter = splitLetter(text);
  return joinLetter({ ...letter, body: [...letter.body, addition] });
}
