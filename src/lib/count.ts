/* Counts as people read them: grouped by thousands, with the noun that fits the number. */

const grouped = new Intl.NumberFormat('en-US');

/** 12,345 */
export const formatCount = (n: number) => grouped.format(n);

/** "1 entry", "12,345 entries" */
export const countOf = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;
