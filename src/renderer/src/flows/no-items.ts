/**
 * The fallback of store selectors that return a list. zustand compares selector results by
 * identity, so a fresh `[]` on every call would make React render again without end.
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);
