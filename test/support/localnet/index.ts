export { startLocalnet } from './localnet';
export type { Localnet, LocalnetOptions, LocalValidator } from './localnet';
export type { ServingMode } from './rpc/servingMode';
export type { LocalnetControls } from './rpc/controlRoutes';
export { validatorProfiles } from './network/validatorProfiles';
export type { ValidatorProfile } from './network/validatorProfiles';
export { deriveValidatorKeys } from './network/validatorKeys';
export type { ValidatorKeys } from './network/validatorKeys';
export { VALIDATOR_INFO_KEY } from './codec/validatorInfo';
