/**
 * The positions of `keys` in ascending order of key, equal keys by ascending id: the order
 * a sort index keeps. Built with the engine's own numeric sort of typed arrays rather than a
 * comparison callback per pair, which at 100,000 items turns a ~200 ms first sort into a
 * few tens of milliseconds. Null when a key is not a number (the caller sorts the slow way).
 *
 * Each key becomes a whole number that keeps its order (itself less the least key, when every
 * key is whole and the span is small enough, as times in ms are; else its rank among the
 * distinct keys), and that number and the position are packed into one float
 * (`rank * n + position`, exact below 2^53), so one native sort orders by key and keeps equal
 * keys in input order; runs of equal keys are then put in id order.
 */
export function sortedPositions(keys: Float64Array, ids: readonly string[]): Int32Array | null {
  const n = keys.length;
  if (n * n >= Number.MAX_SAFE_INTEGER) return null;
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (Number.isNaN(k)) return null;
    if (k < least) least = k;
    if (k > most) most = k;
    if (whole && !Number.isInteger(k)) whole = false;
  }
  const packed = new Float64Array(n);
  // The span is whole too; `+ 1` leaves room for the largest key's positions.
  if (whole && (most - least + 1) * n < Number.MAX_SAFE_INTEGER) {
    // `k - least` turns -0 into 0: the index's comparison has them equal too.
    for (let i = 0; i < n; i++) packed[i] = (keys[i]! - least) * n + i;
  } else {
    const sorted = keys.slice().sort();
    const distinct = new Float64Array(n);
    let d = 0;
    for (let i = 0; i < n; i++) {
      const k = sorted[i]!;
      // -0 and 0 compare equal, as the index's comparison has them.
      if (d === 0 || k !== distinct[d - 1]) distinct[d++] = k;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      let lo = 0;
      let hi = d - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid]! < k) lo = mid + 1;
        else hi = mid;
      }
      packed[i] = lo * n + i;
    }
  }
  packed.sort();
  const out = new Int32Array(n);
  let runFrom = 0;
  let runRank = -1;
  for (let j = 0; j <= n; j++) {
    const rank = j < n ? Math.floor(packed[j]! / n) : -2;
    if (rank !== runRank) {
      if (j - runFrom > 1) out.subarray(runFrom, j).sort((a, b) => byId(ids[a]!, ids[b]!));
      runFrom = j;
      runRank = rank;
    }
    if (j < n) out[j] = packed[j]! - rank * n;
  }
  return out;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
