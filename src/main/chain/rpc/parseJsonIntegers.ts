/**
 * Digits from which an integer may exceed Number.MAX_SAFE_INTEGER (9007199254740991, 16
 * digits), so JSON.parse would round it.
 */
const UNSAFE_INTEGER_DIGITS = 16;

/**
 * Parses JSON like JSON.parse, except that integers of 16 or more digits outside strings are
 * returned as decimal strings instead of rounded numbers. Solana RPC encodes u64 lamports as
 * bare JSON numbers, and balances above about 9 million SOL would otherwise lose lamports.
 *
 * @throws SyntaxError for text that is not JSON, as JSON.parse does.
 */
export function parseJsonPreservingIntegers(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

function quoteLongIntegers(text: string): string {
  let output = '';
  let copiedUpTo = 0;
  let index = 0;

  while (index < text.length) {
    const char = text.charCodeAt(index);

    if (char === 0x22 /* " */) {
      index = skipString(text, index);
      continue;
    }
    if (isDigit(char) || char === 0x2d /* - */) {
      const start = index;
      const integerEnd = skipDigits(text, char === 0x2d ? index + 1 : index);
      index = skipFractionAndExponent(text, integerEnd);
      const digitCount = integerEnd - start - (char === 0x2d ? 1 : 0);
      if (index === integerEnd && digitCount >= UNSAFE_INTEGER_DIGITS) {
        output += `${text.slice(copiedUpTo, start)}"${text.slice(start, index)}"`;
        copiedUpTo = index;
      }
      continue;
    }
    index += 1;
  }

  return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
}

/** Returns the index just past the string that opens at `start`, honouring escapes. */
function skipString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === 0x5c /* \ */) {
      index += 2;
      continue;
    }
    index += 1;
    if (char === 0x22) {
      return index;
    }
  }
  return index;
}

function skipDigits(text: string, start: number): number {
  let index = start;
  while (index < text.length && isDigit(text.charCodeAt(index))) {
    index += 1;
  }
  return index;
}

/** Returns the index past an optional fraction and exponent that start at `start`. */
function skipFractionAndExponent(text: string, start: number): number {
  let index = start;
  if (text.charCodeAt(index) === 0x2e /* . */) {
    index = skipDigits(text, index + 1);
  }
  const exponent = text.charCodeAt(index);
  if (exponent === 0x65 /* e */ || exponent === 0x45 /* E */) {
    index += 1;
    const sign = text.charCodeAt(index);
    if (sign === 0x2b /* + */ || sign === 0x2d /* - */) {
      index += 1;
    }
    index = skipDigits(text, index);
  }
  return index;
}

function isDigit(char: number): boolean {
  return char >= 0x30 && char <= 0x39;
}
