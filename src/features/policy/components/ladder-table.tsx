import type { Ladder } from '../../../api/ladder-schemas';
import { levelLabels } from '../../../domain/levels';
import { categoryLabels } from './labels';

/** Who may decide what: the scope each level's reviewers work within. */
export function LadderTable({ ladder }: { ladder: Ladder }) {
  return (
    <table className="policy-table">
      <caption className="visually-hidden">Escalation ladder</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col">Refund limit</th>
          <th scope="col">Policy exceptions</th>
          <th scope="col">Categories</th>
          <th scope="col">Response target</th>
        </tr>
      </thead>
      <tbody>
        {ladder.map((l) => (
          <tr key={l.level}>
            <th scope="row">{levelLabels[l.level]}</th>
            <td>
              {l.refundLimit === null ? 'No limit' : `$${l.refundLimit.toLocaleString('en-US')}`}
            </td>
            <td>{l.canGrantExceptions ? 'Yes' : 'No'}</td>
            <td>{l.categories.map((c) => categoryLabels[c]).join(', ')}</td>
            <td>
              {l.responseTargetMinutes === null ? 'At once' : `${l.responseTargetMinutes} min`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
