// Memoised string validators. Pods repeat the same container names, port names,
// toleration keys and label values thousands of times, so the regex work for a
// given string is done once (a bounded cache; cleared when full).

const MAX_ENTRIES = 4096;

export function memoStringCheck(check: (value: string) => string[]): (value: string) => string[] {
  const cache = new Map<string, string[]>();
  return (value: string) => {
    let hit = cache.get(value);
    if (hit === undefined) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      hit = check(value);
      cache.set(value, hit);
    }
    return hit;
  };
}
