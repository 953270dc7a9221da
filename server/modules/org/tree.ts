// Materialised paths ('/1/2/7/': the root, …, the org itself), the one encoding of the org tree.

/** The ids on a materialised path ('/1/2/7/' → [1, 2, 7]): the org and its ancestors. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
