// The fields of a list page's filter bar (FilterBar), each bound to one key of the page's filters.
// Labels and placeholders are message keys, so a page can declare its fields once, as constants;
// `test` names the data-test suffix when it is not the key.
export type FilterField =
  /** A select of dictionary values, each labelled by the message `<prefix>.<value>`. */
  | { key: string; label: string; values: readonly string[]; prefix: string; width: number }
  | { key: string; text: true; label?: string; placeholder?: string; width: number }
  | { key: string; label: string; org: true; width: number }
  | { key: string; label: string; check: true; test?: string };
