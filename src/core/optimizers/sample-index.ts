/**
 * Seeded sampling without state: the row drawn by update number k (k = 0, 1, … over the whole
 * run) is a hash of (seed, k). Nothing but k needs saving, so a run restored at epoch e draws
 * exactly the rows it drew the first time (k = e·n onwards), however the work was sliced.
 *
 * The hash is MurmurHash3's 32-bit finaliser applied to the high and low words of k, keyed by
 * the seed; the row is ⌊h·n / 2^32⌋ (with replacement; the bias towards low rows is below
 * n / 2^32, 0.2% at n = 10^7). k must be an integer in [0, 2^53).
 */

/** MurmurHash3 fmix32: a bijection of 32-bit words with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit key from a seed in [0, 2^53). */
export function sampleKey(seed: number): number {
  return fmix32((seed >>> 0) ^ fmix32(Math.floor(seed / 4294967296) ^ 0x9e3779b9));
}

/**
 * The hot loops' form of sampleIndex, bit for bit the same: within a block of 2^32 updates the
 * high word's mix is fixed (blockKey(key, k)), and ⌊h·n/2^32⌋ = ⌊h·scale⌋ with scale = n/2^32
 * (a power-of-two scaling, exact). Row of update k: rowIn(blockKey(key, k), k mod 2^32, scale).
 */
export function blockKey(key: number, k: number): number {
  return fmix32(Math.floor(k / 4294967296) ^ key);
}

export function rowIn(block: number, lo: number, scale: number): number {
  return Math.floor(fmix32(lo ^ block) * scale);
}

/** The row in [0, n) drawn by update number k under `key` (from sampleKey). */
export function sampleIndex(key: number, k: number, n: number): number {
  const hi = Math.floor(k / 4294967296);
  const h = fmix32((k >>> 0) ^ fmix32(hi ^ key));
  return Math.floor((h * n) / 4294967296);
}
