import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART } from './chart-style';

interface ColumnChartProps<Row> {
  rows: readonly Row[];
  /** The field named along the bottom axis, one column (or stack) per row. */
  category: string;
  legend?: boolean;
  /** The bars, made with `plainBar` (or recharts `Bar` where a bar needs more). */
  children: ReactNode;
}

/**
 * The dashboard's upright bar chart: one column per row, whole counts up the side, the
 * dashboard's size and margins, a tooltip on hover and, where there is more than one series,
 * a legend. The bars themselves differ per card and are passed in.
 */
export function ColumnChart<Row>({ rows, category, legend, children }: ColumnChartProps<Row>) {
  return (
    <BarChart {...CHART} data={[...rows]} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey={category} />
      <YAxis allowDecimals={false} width={40} />
      <Tooltip />
      {legend ? <Legend /> : null}
      {children}
    </BarChart>
  );
}

/** One plain series of bars in one colour; charts are drawn still, without animation. */
export const plainBar = (dataKey: string, name: string, fill: string) => (
  <Bar key={dataKey} dataKey={dataKey} name={name} fill={fill} isAnimationActive={false} />
);
