/**
 * The first index of `items` whose item fails `isBefore`, by binary search: `isBefore` must hold
 * for a prefix of `items` (sorted by what it tests) and for nothing after it.
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle] as T)) low = middle + 1;
    else high = middle;
  }
  return low;
}
