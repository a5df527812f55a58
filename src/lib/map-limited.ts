/**
 * Many small asynchronous jobs (reading thousands of files) with a bound on how many run at once,
 * so an archive of 50,000 files does not open 50,000 files at the same moment.
 */

/** Runs `fn` over `items` with at most `limit` at a time; the results keep the order of `items`. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
