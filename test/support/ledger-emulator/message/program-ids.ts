/** Programs the Solana app recognises, by base58 id (from the app's `common_byte_strings.h`). */
export const ProgramIds = {
  system: '11111111111111111111111111111111',
  stake: 'Stake11111111111111111111111111111111111111',
  vote: 'Vote111111111111111111111111111111111111111',
  computeBudget: 'ComputeBudget111111111111111111111111111111',
  splToken: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  splToken2022: 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
  associatedTokenAccount: 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL',
  /** SPL Memo v2; the app does not know the v1 program id. */
  memo: 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr',
  serumAssertOwner: '4MNPdKu9wFMvEeZBMt3Eipfs5ovVWTJb31pEXDJAAxX5',
  serumAssertOwnerPhantom: 'DeJBGdMFa1uynnnKiwrVioatTuHmNLpyFKnmB5kaFdzQ',
} as const;

/** Owners the newer app line does not print after a plain CreateAccount. */
export const WELL_KNOWN_OWNERS: ReadonlySet<string> = new Set([
  ProgramIds.system,
  ProgramIds.stake,
  ProgramIds.vote,
  ProgramIds.splToken,
  ProgramIds.splToken2022,
]);
