export { DEFAULT_SOLANA_SETTINGS, type SolanaAppSettings } from './app-settings';
export {
  isVersionAtLeast,
  parseAppVersion,
  profileForVersion,
  type AppProfile,
  type AppVersion,
  type DisplayLine,
} from './app-version';
export { fromHex, toHex } from './bytes';
export { fieldsOf, screensOf, type RequestKind, type Screen } from './confirmation';
export {
  DeviceBusyError,
  DeviceUnpluggedError,
  type ConfirmationRequest,
  type DeviceStatus,
  type EmulatorEvent,
  type RequestOutcome,
  type SignatureFault,
} from './emulator-types';
export { EmulatorTransport } from './emulator-transport';
export { FakeHidDevice } from './fake-hid-device';
export {
  HID_PACKET_SIZE,
  HidFrameAssembler,
  HidFramingError,
  encodeHidFrames,
} from './hid-framing';
export {
  DerivationError,
  SPECULOS_MNEMONIC,
  Slip10Keyring,
  deriveSlip10Ed25519,
  formatDerivationPath,
  parseDerivationPath,
  verifyEd25519,
} from './keys';
export { LedgerEmulator, SOLANA_APP_NAME, type LedgerEmulatorOptions } from './ledger-emulator';
export {
  MessageParseError,
  parseMessageBody,
  parseMessageHeader,
  type CompiledInstruction,
  type MessageBody,
  type MessageHeader,
} from './message/message-parser';
export { ProgramIds } from './message/program-ids';
export { formatLamports, formatPubkey, formatTimestamp, type PubkeyDisplay } from './review/format';
export { OFFCHAIN_SIGNING_DOMAIN, reviewOffchainMessage } from './review/offchain-review';
export {
  blindSigningFields,
  reviewTransaction,
  type ReviewSettings,
  type TransactionReview,
} from './review/transaction-review';
export type { ReviewField } from './review/transaction-summary';
export { ScriptedPerson, type PersonAction } from './scripted-person';
export { StatusWord, type StatusWordValue } from './status-words';
