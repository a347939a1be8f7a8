// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE do in plain text what
// <bdi> does in markup: text direction inside the name cannot reorder what follows it.
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** Wraps a person-given name for places that take only text, such as <option> and title. */
export function isolateName(name: string): string {
  return `${FIRST_STRONG_ISOLATE}${name}${POP_DIRECTIONAL_ISOLATE}`;
}
