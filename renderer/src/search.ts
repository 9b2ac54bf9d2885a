import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { matchesSearch } from '../../electron/shared/collation.ts';

/** An option that a picker also finds by words it does not show (a PPO's full name and BIN). */
export type SearchableOption = ComboboxItem & { search?: string };

/**
 * Every picker's filter (set once in the theme): the shared fold (ә→а, қ→к, ұ/ү→у…, case in every
 * alphabet), every typed word somewhere in the label or the option's hidden search text, in any order.
 */
export const foldedOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  const result: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (result.length >= limit) break;
    if ('group' in item) {
      const items = foldedOptionsFilter({ options: item.items, search, limit: limit - result.length });
      if (items.length > 0) result.push({ group: item.group, items: items as ComboboxItem[] });
    } else {
      const o = item as SearchableOption;
      if (matchesSearch(`${o.label} ${o.search ?? ''}`, search)) result.push(item);
    }
  }
  return result;
};
