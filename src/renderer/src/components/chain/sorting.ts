/** Value a column sorts by; null sorts last in both directions. */
export type SortValue = string | number | bigint | boolean | null;

export type SortDirection = 'ascending' | 'descending';

export interface SortState<Key extends string> {
  key: Key;
  direction: SortDirection;
}

function compareValues(left: Exclude<SortValue, null>, right: Exclude<SortValue, null>): number {
  if (typeof left === 'string' && typeof right === 'string') {
    return left.localeCompare(right);
  }
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/**
 * Returns the rows sorted by `valueOf`, computing each row's value once. Equal values keep
 * their order (Array.prototype.sort is stable), and null values go last.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  valueOf: (row: Row) => SortValue,
  direction: SortDirection,
): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const decorated = rows.map((row) => ({ row, value: valueOf(row) }));
  decorated.sort((left, right) => {
    if (left.value === null || right.value === null) {
      return Number(left.value === null) - Number(right.value === null);
    }
    return sign * compareValues(left.value, right.value);
  });
  return decorated.map((entry) => entry.row);
}

/**
 * Turns a header click into the next sort: the same column flips its direction, another
 * column starts in `firstDirection` (ascending suits names, descending suits amounts).
 */
export function nextSort<Key extends string>(
  current: SortState<Key>,
  key: Key,
  firstDirection: SortDirection,
): SortState<Key> {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: firstDirection };
}

/** Parses a number typed into a filter field; empty or unreadable text means no limit. */
export function parseLimit(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * Describes what is wrong with a typed limit, or returns null when it is empty or usable.
 * Every metric the limits apply to is zero or more, so a negative limit can match nothing.
 * `maxPercent` is the upper bound of a percentage metric, or null for other metrics.
 */
export function describeLimitProblem(text: string, maxPercent: number | null): string | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  const value = Number(trimmed);
  if (Number.isNaN(value)) {
    return `"${trimmed}" is not a number.`;
  }
  if (!Number.isFinite(value)) {
    return `${trimmed} is too large to compare with.`;
  }
  if (value < 0) {
    return `${trimmed} is below zero, and no validator has a negative value here.`;
  }
  if (maxPercent !== null && value > maxPercent) {
    return `${trimmed} is above ${maxPercent} %, which no validator can exceed.`;
  }
  return null;
}
