import type { CompleteCommand } from './apdu/command-assembler';
import { profileForVersion, parseAppVersion, type AppProfile } from './app-version';
import type { SolanaAppSettings } from './app-settings';
import { encodeBase58Key } from './bytes';
import type { ConfirmationPrompt } from './confirmation';
import { DerivationError, HARDENED_OFFSET, type Slip10Keyring } from './keys';
import { MessageParseError, parseMessageHeader } from './message/message-parser';
import { reviewOffchainMessage } from './review/offchain-review';
import { blindSigningFields, reviewTransaction } from './review/transaction-review';
import { StatusWord } from './status-words';

/** The app's answer to a complete command: bytes now, or a prompt for the person. */
export type AppReply =
  | { readonly kind: 'response'; readonly data: Uint8Array; readonly statusWord: number }
  | { readonly kind: 'confirmation'; readonly prompt: ConfirmationPrompt };

export function respond(statusWord: number, data: Uint8Array = new Uint8Array()): AppReply {
  return { kind: 'response', data, statusWord };
}

export function profileOf(settings: SolanaAppSettings): AppProfile {
  return profileForVersion(parseAppVersion(settings.version));
}

const PURPOSE_44 = HARDENED_OFFSET + 44;
const COIN_SOLANA = HARDENED_OFFSET + 501;

/**
 * Derives the device key of `path`, or returns null when the OS refuses to derive it. The app
 * may only derive under 44'/501' (its load parameters), and SLIP-0010 Ed25519 has hardened
 * children only.
 */
function derivePublicKey(keyring: Slip10Keyring, path: readonly number[]): Uint8Array | null {
  if (path[0] !== PURPOSE_44 || path[1] !== COIN_SOLANA) {
    return null;
  }
  try {
    return keyring.publicKey(path);
  } catch (error) {
    if (error instanceof DerivationError) {
      return null;
    }
    throw error;
  }
}

export function handleGetPubkey(command: CompleteCommand, keyring: Slip10Keyring): AppReply {
  const publicKey = derivePublicKey(keyring, command.path);
  if (!publicKey) {
    return respond(StatusWord.SDK_EXCEPTION);
  }
  if (command.nonConfirm) {
    return respond(StatusWord.OK, publicKey);
  }
  return {
    kind: 'confirmation',
    prompt: {
      kind: 'get-address',
      warnings: [],
      fields: [{ title: 'Pubkey', value: encodeBase58Key(publicKey) }],
      blindSigning: false,
      approve: () => publicKey,
      producesSignature: false,
      rejectStatusWord: StatusWord.USER_REFUSED,
    },
  };
}

/**
 * Signing a transaction message: header (0x6A80), signer among the required signers
 * (0x6A81), P1 = 0 refused (0x6808), then a clear review, or blind signing when allowed.
 */
export function handleSignMessage(
  command: CompleteCommand,
  keyring: Slip10Keyring,
  settings: SolanaAppSettings,
): AppReply {
  let header;
  try {
    header = parseMessageHeader(command.message);
  } catch (error) {
    if (error instanceof MessageParseError) {
      return respond(StatusWord.INVALID_MESSAGE);
    }
    throw error;
  }

  const publicKey = derivePublicKey(keyring, command.path);
  const signer = publicKey ? encodeBase58Key(publicKey) : null;
  if (!signer || !header.accountKeys.slice(0, header.numRequiredSignatures).includes(signer)) {
    return respond(StatusWord.INVALID_MESSAGE_HEADER);
  }
  if (command.nonConfirm) {
    return respond(StatusWord.NOT_SUPPORTED);
  }

  const profile = profileOf(settings);
  const reviewSettings = {
    expertMode: settings.expertMode,
    pubkeyDisplay: settings.pubkeyDisplay,
    profile,
    signer,
  };
  const review = reviewTransaction(header, reviewSettings);
  if (review.kind === 'blind-signing-required' && !settings.blindSigning) {
    return respond(StatusWord.NOT_SUPPORTED);
  }

  const blind = review.kind === 'blind-signing-required';
  return {
    kind: 'confirmation',
    prompt: {
      kind: 'sign-transaction',
      // The newer line warns before a blind review; the 1.9 Nano flow does not.
      warnings:
        blind && profile.displayLine === 'newer'
          ? [{ title: 'Blind signing ahead', value: '' }]
          : [],
      fields: blind ? blindSigningFields(command.message, header, reviewSettings) : review.fields,
      blindSigning: blind,
      approve: () => keyring.sign(command.path, command.message),
      producesSignature: true,
      rejectStatusWord: StatusWord.USER_REFUSED,
    },
  };
}

export function handleSignOffchainMessage(
  command: CompleteCommand,
  keyring: Slip10Keyring,
  settings: SolanaAppSettings,
): AppReply {
  if (command.nonConfirm) {
    return respond(StatusWord.NOT_SUPPORTED);
  }
  const publicKey = derivePublicKey(keyring, command.path);
  if (!publicKey) {
    return respond(StatusWord.SDK_EXCEPTION);
  }

  const review = reviewOffchainMessage(command.message, {
    profile: profileOf(settings),
    expertMode: settings.expertMode,
    blindSigning: settings.blindSigning,
    pubkeyDisplay: settings.pubkeyDisplay,
    signer: publicKey,
  });
  if (review.kind === 'refused') {
    return respond(review.statusWord);
  }

  return {
    kind: 'confirmation',
    prompt: {
      kind: 'sign-offchain-message',
      warnings: [],
      fields: review.fields,
      blindSigning: review.blindSigning,
      approve: () => keyring.sign(command.path, command.message),
      producesSignature: true,
      rejectStatusWord: StatusWord.USER_REFUSED,
    },
  };
}
