// The fields of a list page's filter bar (FilterBar), each bound to one key of the page's filters.
// Labels and placeholders are message keys, so a page can declare its fields once, as constants;
// `test` names the data-test suffix when it is not the key.
export type FilterField = FilterKind & {
  /** The data-test suffix when it is not the key. */
  test?: string;
};

type FilterKind =
  /**
   * A select of dictionary values, each labelled by the message `<prefix>.<value>`: clearable, or
   * with `all` a first option 全部 (value ''); `multiple` takes several; `optionTest` names each
   * option's data-test `<optionTest>-<value>`; `disabledBy` names a toggle that switches it off.
   */
  | {
      key: string;
      label: string;
      values: readonly string[];
      prefix: string;
      width: number;
      all?: true;
      multiple?: true;
      optionTest?: string;
      disabledBy?: string;
    }
  /** A select of options the page loads (their labels as they are, not message keys). */
  | { key: string; label: string; options: readonly FilterOption[]; width: number; filterable?: true }
  /** A text box; `search` puts a magnifier in front. */
  | { key: string; text: true; label?: string; placeholder?: string; width: number; search?: true }
  | { key: string; label: string; org: true; width: number }
  | { key: string; label: string; check: true }
  /** A switch; turning it clears the `clears` filter (e.g. a kind the switch narrows to). */
  | { key: string; label: string; toggle: true; clears?: string }
  /** A date range (`YYYY-MM-DD` pair) between the messages `start` and `end`. */
  | { key: string; label: string; dates: true; start: string; end: string; width: number; unlink?: true }
  /** The page's own control, the FilterBar slot named after the key. */
  | { key: string; label: string; slot: true };

export interface FilterOption {
  value: string | number;
  label: string;
}
