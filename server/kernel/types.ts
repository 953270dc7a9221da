// Small type guards shared by modules, so that narrowing is checked instead of asserted.

/** Whether `x` is one of `values` (a literal union's list, e.g. a state machine's states). */
export function isOneOf<T extends string>(values: readonly T[], x: string): x is T {
  return values.some((v) => v === x);
}

/** The default branch of an exhaustive switch: a new case that is not handled fails to compile. */
export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${String(x)}`);
}
