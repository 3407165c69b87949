import { Link } from '@tanstack/react-router';
import { categorySchema } from '../../../api/handoff-schemas';
import type { RouteStats, WhatIfItem, WhatIfResult } from '../../../api/what-if-schemas';
import { categoryLabels, outcomeLabels, percent } from './labels';

const bandWords = {
  below: 'below the band: people may be missing problems',
  within: 'within the band',
  above: 'above the band: too much for people to review well',
} as const;

function rate(stats: RouteStats): string {
  return stats.reviewRate === null ? 'no traffic' : percent(stats.reviewRate);
}

/** The effect of the edit on last week's routed traffic (the items the dashboard's review rate counts), before anything is saved. */
export function WhatIfPanel({ result, stale }: { result: WhatIfResult; stale: boolean }) {
  const { overall, baselineOverall, targetBand } = result;
  const band = `${percent(targetBand.low)}–${percent(targetBand.high)}`;
  return (
    <section className="policy-what-if" aria-labelledby="policy-what-if-title" aria-live="polite">
      <h3 id="policy-what-if-title">Preview: the last week’s traffic under your edit</h3>
      {stale ? (
        <p className="notice notice-warning">
          You changed the edit since this preview; preview again before saving.
        </p>
      ) : null}
      {overall.total === 0 ? (
        <p className="cp-muted">
          No routed traffic in the last week to replay; the edit’s effect cannot be previewed.
        </p>
      ) : (
        <>
          <p className="policy-review-rate">
            Human review rate <strong>{rate(overall)}</strong> (now {rate(baselineOverall)}) of{' '}
            {overall.total} items: {overall.band ? bandWords[overall.band] : 'no traffic'} of {band}
            .
          </p>
          <table className="policy-table policy-rates">
            <caption>Review rate per category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Items</th>
                <th scope="col">To people</th>
                <th scope="col">Sent, sampled</th>
                <th scope="col">Sent</th>
                <th scope="col">Review rate</th>
              </tr>
            </thead>
            <tbody>
              {categorySchema.options.map((c) => {
                const s = result.perCategory[c];
                return (
                  <tr key={c}>
                    <th scope="row">{categoryLabels[c]}</th>
                    <td>{s.total}</td>
                    <td>{s.humanReview}</td>
                    <td>{s.sampled}</td>
                    <td>{s.autoApproved}</td>
                    <td>{rate(s)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ItemList
            title={`Would newly skip review (${result.newlySkipping.length})`}
            empty="No item that people reviewed would now be sent without review."
            items={result.newlySkipping}
          />
          <ItemList
            title={`Confident but wrong among them (${result.confidentButWrong.length})`}
            empty="None of the newly skipping items needed a person’s correction."
            items={result.confidentButWrong}
            warning
          />
          <p className="cp-muted">
            {result.newlyReviewed.length} item(s) that were sent without review would now go to
            people.
          </p>
        </>
      )}
    </section>
  );
}

function ItemList({
  title,
  empty,
  items,
  warning = false,
}: {
  title: string;
  empty: string;
  items: WhatIfItem[];
  warning?: boolean;
}) {
  return (
    <div
      className={warning && items.length > 0 ? 'policy-items policy-items-warn' : 'policy-items'}
    >
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="cp-muted">{empty}</p>
      ) : (
        <ul aria-label={title}>
          {items.slice(0, 50).map((item) => (
            <li key={item.id}>
              <Link to="/handoffs/$handoffId" params={{ handoffId: item.id }}>
                {item.id}
              </Link>{' '}
              · {categoryLabels[item.category]} · confidence {percent(item.confidence)}
              {item.outcome ? ` · ${outcomeLabels[item.outcome]}` : ''}
            </li>
          ))}
          {items.length > 50 ? <li>…and {items.length - 50} more</li> : null}
        </ul>
      )}
    </div>
  );
}
