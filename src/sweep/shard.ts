// Shards: `--shard k/N` runs the k-th of N contiguous blocks of run ids, so a sweep can run as a
// Slurm job array (k = $SLURM_ARRAY_TASK_ID) and the blocks merge back in run order.

export interface Shard {
  /** 1-based. */
  k: number;
  n: number;
}

/** Runs [start, end) of a sweep. */
export interface RunRange {
  start: number;
  end: number;
}

/** `2/8` → {k: 2, n: 8}; null when the text is not of that form or k is not in 1..N. */
export function parseShard(text: string): Shard | null {
  const m = /^\s*([1-9]\d*)\s*\/\s*([1-9]\d*)\s*$/.exec(text);
  if (!m) return null;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return k <= n && Number.isSafeInteger(n) ? {k, n} : null;
}

/** Shard k of N: runs floor((k-1)·R/N) .. floor(k·R/N)-1; the whole sweep without a shard. */
export function shardRange(runs: number, shard: Shard | null): RunRange {
  if (!shard) return {start: 0, end: runs};
  // In BigInt so the products are exact however large the sweep (R·k can pass 2^53).
  const at = (j: number): number => Number((BigInt(j) * BigInt(runs)) / BigInt(shard.n));
  return {start: at(shard.k - 1), end: at(shard.k)};
}
