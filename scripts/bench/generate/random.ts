/**
 * Seeded randomness for the synthetic archive: the PRNG (mulberry32) and Zipf-like draws.
 */

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/** Cumulative weights 1/(rank+1)^s, for Zipf-like draws by binary search. */
export function zipfTable(size: number, s: number): Float64Array {
  const cdf = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    total += 1 / Math.pow(r + 1, s);
    cdf[r] = total;
  }
  for (let r = 0; r < size; r++) cdf[r] = cdf[r]! / total;
  return cdf;
}

function zipfDraw(rng: Rng, cdf: Float64Array): number {
  const u = rng();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Up to `count` distinct ranks. */
export function zipfDistinct(rng: Rng, cdf: Float64Array, count: number): number[] {
  const chosen: number[] = [];
  for (let tries = 0; chosen.length < Math.min(count, cdf.length) && tries < count * 8; tries++) {
    const r = zipfDraw(rng, cdf);
    if (!chosen.includes(r)) chosen.push(r);
  }
  return chosen;
}
