export { type PanelChain } from './chain-commands';
export {
  DevicePanelService,
  type DevicePanelOptions,
  type PanelHost,
} from './device-panel-service';
export {
  blindSigningNotice,
  describeDeviceStatus,
  describeOutcome,
  describeRequestKind,
  describeScreenPosition,
  noRequestText,
} from './labels';
export {
  offeredAppVersions,
  panelControlPrefix,
  panelEventsPath,
  panelPath,
  type ChainView,
  type ControlName,
  type ControlReply,
  type PanelState,
} from './protocol';
export { parseSolToLamports } from './sol-amount';
