/**
 * Keeps one story from filling the top of the list: at most `perGroup` items of a group come
 * before every other group has had its turn. Order within the caps is preserved; nothing is dropped.
 */
export function diversify<T>(items: T[], groupOf: (item: T) => string, perGroup = 2): T[] {
  const counts = new Map<string, number>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const item of items) {
    const group = groupOf(item);
    const count = counts.get(group) ?? 0;
    if (count < perGroup) first.push(item);
    else rest.push(item);
    counts.set(group, count + 1);
  }
  return [...first, ...rest];
}
