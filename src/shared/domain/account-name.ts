import { z } from 'zod';

export const ACCOUNT_NAME_MAX_LENGTH = 64;

// Control (Cc) and format (Cf) characters can hide text or reverse the text shown after
// the name, such as addresses in a review. ZWJ and ZWNJ stay allowed: emoji sequences
// and some scripts (Persian, Indic) need them and they do not change text direction.
const HIDDEN_CHARACTERS = /(?![\u200c\u200d])[\p{Cc}\p{Cf}]/u;

export const accountNameMessages = {
  tooLong: `An account name can have at most ${ACCOUNT_NAME_MAX_LENGTH} characters. Shorten the name.`,
  hiddenCharacters:
    'An account name cannot contain control or text-direction characters. Remove them, or type the name again instead of pasting it.',
} as const;

/** A name the person types for an account; stricter than names already on disk. */
export const accountNameInputSchema = z
  .string()
  .trim()
  .max(ACCOUNT_NAME_MAX_LENGTH, accountNameMessages.tooLong)
  .refine((name) => !HIDDEN_CHARACTERS.test(name), accountNameMessages.hiddenCharacters);

/** The message that explains why a typed name is refused, or null when it is accepted. */
export function accountNameProblem(name: string): string | null {
  const parsed = accountNameInputSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? accountNameMessages.tooLong);
}
