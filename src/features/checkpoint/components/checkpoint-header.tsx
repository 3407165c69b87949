import { Link } from '@tanstack/react-router';
import { useRef } from 'react';
import type { Handoff } from '../../../api/handoff-schemas';
import { SlaBadge, StatusBadge } from '../../../components/badges';
import { ShortcutButton } from '../../../components/shortcut-button';
import { gateIsLive } from '../../../domain/gates';
import { levelLabels } from '../../../domain/levels';
import { teamChoiceLabels } from '../../../domain/teams';
import { useArrivalFocus } from '../../../hooks/use-arrival-focus';
import { useListPlace } from '../../../hooks/use-list-place';
import { useNow } from '../../../lib/time';
import { Fact } from './fact';
import { GateCountdown } from './gate-countdown';

const kindLabels: Record<Handoff['kind'], string> = {
  initiation: 'Initiation',
  checkpoint: 'Checkpoint',
  completion: 'Completion',
  escalation: 'Escalation',
  override: 'Override',
};

interface CheckpointHeaderProps {
  handoff: Handoff;
  actorId: string;
  canClaim: boolean;
  canRelease: boolean;
  busy: boolean;
  onClaim: () => void;
  onRelease: () => void;
}

export function CheckpointHeader({
  handoff,
  actorId,
  canClaim,
  canRelease,
  busy,
  onClaim,
  onRelease,
}: CheckpointHeaderProps) {
  const now = useNow(1000);
  const { ticket, assignee } = handoff;
  // Opening an item (Enter in the queue, the next one after a decision) starts at its title.
  const title = useRef<HTMLHeadingElement>(null);
  useArrivalFocus(title);
  const queue = useListPlace('/queue');
  const holder = !assignee
    ? 'Unassigned'
    : assignee.id === actorId
      ? `You (${assignee.name})`
      : assignee.name;
  return (
    <header className="cp-header">
      <div className="cp-header-top">
        <Link to="/queue" href={queue} className="cp-back">
          ← Queue <kbd aria-hidden>Esc</kbd>
        </Link>
        <p className="cp-ticket-number">Ticket #{ticket.number}</p>
      </div>
      <h1 className="cp-title" ref={title} tabIndex={-1}>
        {ticket.subject}
      </h1>
      <dl className="cp-meta">
        <Fact label="Status">
          <StatusBadge status={handoff.status} />
        </Fact>
        <Fact label="Kind">{kindLabels[handoff.kind]}</Fact>
        <Fact label="Level">{levelLabels[handoff.level]}</Fact>
        <Fact label="Team">
          {handoff.team ? (
            <>
              {handoff.team.teamName}{' '}
              <span className="cp-team-rule">
                ({teamChoiceLabels[handoff.team.choice]}: {handoff.team.reason})
              </span>
            </>
          ) : (
            'No team'
          )}
        </Fact>
        <Fact label="Assignee">{holder}</Fact>
        <Fact label="SLA">
          <SlaBadge dueAt={handoff.dueAt} now={now} />
        </Fact>
        {handoff.gate && (gateIsLive(handoff) || handoff.gate.applied) ? (
          <Fact label="Approval gate">
            <GateCountdown gate={handoff.gate} />
          </Fact>
        ) : null}
        <div className="cp-meta-version">
          <dt>Version</dt>
          <dd>{handoff.version}</dd>
        </div>
      </dl>
      <div className="cp-ownership">
        {canClaim ? (
          <ShortcutButton shortcut="c" onClick={onClaim} disabled={busy}>
            Claim
          </ShortcutButton>
        ) : null}
        {canRelease ? (
          <button type="button" className="button" onClick={onRelease} disabled={busy}>
            Release
          </button>
        ) : null}
      </div>
    </header>
  );
}
