import { parseSolanaApdu } from './apdu/apdu-header';
import { CommandAssembler, type CompleteCommand } from './apdu/command-assembler';
import { Ins } from './apdu/instruction-codes';
import { parseAppVersion } from './app-version';
import type { SolanaAppSettings } from './app-settings';
import type { Slip10Keyring } from './keys';
import {
  handleGetPubkey,
  handleSignMessage,
  handleSignOffchainMessage,
  profileOf,
  respond,
  type AppReply,
} from './sign-handlers';
import { StatusWord } from './status-words';

/** `E0 04` reply: blind signing, pubkey display, version bytes, and tx-check flags if built in. */
function appConfiguration(settings: SolanaAppSettings): Uint8Array {
  const version = parseAppVersion(settings.version);
  const bytes = [
    settings.blindSigning ? 1 : 0,
    settings.pubkeyDisplay === 'short' ? 1 : 0,
    version.major & 0xff,
    version.minor & 0xff,
    version.patch & 0xff,
  ];
  if (settings.transactionCheck) {
    bytes.push(settings.transactionCheck.optIn ? 1 : 0, settings.transactionCheck.enabled ? 1 : 0);
  }
  return Uint8Array.from(bytes);
}

/** The Solana app's APDU handling, from raw bytes to a reply or a confirmation prompt. */
export class SolanaApp {
  private readonly assembler = new CommandAssembler();

  constructor(
    private readonly keyring: Slip10Keyring,
    private readonly randomBytes: (length: number) => Uint8Array,
  ) {}

  /** Drops a half-received command, as a restart of the app does. */
  reset(): void {
    this.assembler.reset();
  }

  handle(bytes: Uint8Array, settings: SolanaAppSettings): AppReply {
    if (bytes.length === 0) {
      return respond(StatusWord.NO_APDU_RECEIVED);
    }
    const parsed = parseSolanaApdu(bytes);
    if (!parsed.ok) {
      this.assembler.reset();
      return respond(parsed.statusWord);
    }

    const profile = profileOf(settings);
    const result = this.assembler.accept(parsed.apdu, {
      messageBufferLength: profile.messageBufferLength,
      pathCheck: profile.pathCheck,
    });
    switch (result.kind) {
      case 'error':
        return respond(result.statusWord);
      case 'in-progress':
        return respond(StatusWord.OK);
      case 'complete':
        return this.dispatch(result.command, settings);
    }
  }

  private dispatch(command: CompleteCommand, settings: SolanaAppSettings): AppReply {
    switch (command.ins) {
      case Ins.DEPRECATED_GET_APP_CONFIGURATION:
      case Ins.GET_APP_CONFIGURATION:
        return respond(StatusWord.OK, appConfiguration(settings));
      case Ins.DEPRECATED_GET_PUBKEY:
      case Ins.GET_PUBKEY:
        return handleGetPubkey(command, this.keyring);
      case Ins.DEPRECATED_SIGN_MESSAGE:
      case Ins.SIGN_MESSAGE:
        return handleSignMessage(command, this.keyring, settings);
      case Ins.SIGN_OFFCHAIN_MESSAGE:
        return handleSignOffchainMessage(command, this.keyring, settings);
      case Ins.GET_CHALLENGE:
        return respond(StatusWord.OK, this.randomBytes(4));
      case Ins.PROVIDE_TRUSTED_NAME:
      case Ins.PROVIDE_DYNAMIC_DESCRIPTOR:
        // NOTE: descriptors are accepted without checking Ledger's PKI signature.
        return respond(StatusWord.OK);
      default:
        return respond(StatusWord.UNIMPLEMENTED_INSTRUCTION);
    }
  }
}
