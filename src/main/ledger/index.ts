export { DEFAULT_GAP_LIMIT, discoverAccounts } from './account-discovery';
export type { AddressDeriver, DiscoveryOptions } from './account-discovery';
export { parseAppAndVersion, parseAppConfiguration } from './app-replies';
export type { AppAndVersion, AppConfiguration } from './app-replies';
export { classifyLedgerError, classifyStatusWord } from './classify-error';
export type { ClassifyContext, LedgerErrorCode } from './classify-error';
export {
  DERIVATION_SCHEMES,
  derivationPathOf,
  parseDerivationPath,
  schemeOfPath,
} from './derivation';
export { isValidSignature } from './keys';
export {
  DEFAULT_DETACH_GRACE_MS,
  DEFAULT_EXCHANGE_TIMEOUT_MS,
  DEFAULT_POLL_INTERVAL_MS,
  LedgerService,
  MAX_MESSAGE_SIZE,
} from './ledger-service';
export type {
  DeviceSelection,
  DiscoverAccountsRequest,
  LedgerDeviceSummary,
  LedgerServiceEvents,
  LedgerServiceOptions,
  SignedMessage,
  SignMessageRequest,
} from './ledger-service';
export { NodeHidTransportProvider } from './node-hid-transport-provider';
export { StatusWord, formatStatusWord } from './status-words';
export { systemTimers } from './timers';
export type { Timers } from './timers';
export type {
  LedgerTransportProvider,
  TransportDescriptor,
  TransportDescriptorEvent,
  TransportObserver,
} from './transport-provider';
