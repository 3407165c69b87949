import type { ReactNode } from 'react';

interface ChartFigureProps {
  id: string;
  title: string;
  /** The chart's message in one or two sentences: its accessible name and visible caption. */
  summary: string;
  /** Null when there is nothing to chart: the summary, which then says so, stands in its place. */
  chart: ReactNode | null;
  /** The figures behind the chart, as a table for screen readers and exact reading. */
  table: ReactNode;
  /** Links to the filtered queue behind the chart. */
  links: ReactNode;
  /** Controls that change what the chart shows (kept outside the image, so they stay usable). */
  controls?: ReactNode;
  wide?: boolean;
}

/**
 * One chart on the dashboard. SVG charts are opaque to screen readers, so each one is an image
 * named by its summary, followed by the same figures as a table and the queue link(s).
 */
export function ChartFigure({
  id,
  title,
  summary,
  chart,
  table,
  links,
  controls,
  wide,
}: ChartFigureProps) {
  const titleId = `${id}-title`;
  return (
    <section aria-labelledby={titleId} className={`dash-card${wide ? ' dash-card-wide' : ''}`}>
      <h2 id={titleId}>{title}</h2>
      <p className="dash-summary">{summary}</p>
      {controls}
      {chart ? (
        <div role="img" aria-label={`${title}. ${summary}`} className="dash-chart">
          {chart}
        </div>
      ) : (
        <p className="dash-empty">{summary}</p>
      )}
      <details className="dash-table">
        <summary>Figures as a table</summary>
        {table}
      </details>
      <div className="dash-links">{links}</div>
    </section>
  );
}
