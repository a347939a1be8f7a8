import { PublicKey } from '@solana/web3.js';

export const STAKE_PROGRAM_ID = new PublicKey('Stake11111111111111111111111111111111111111');
export const STAKE_HISTORY_SYSVAR_ID = new PublicKey('SysvarStakeHistory1111111111111111111111111');
export const CONFIG_PROGRAM_ID = new PublicKey('Config1111111111111111111111111111111111111');
export const FEATURE_PROGRAM_ID = new PublicKey('Feature111111111111111111111111111111111111');

/** First key of every validator-info account of the Config program. */
export const VALIDATOR_INFO_KEY = new PublicKey('Va1idator1nfo111111111111111111111111111111');

/**
 * Feature `reduce_stake_warmup_cooldown`, which lowered the warmup and cooldown rate from 25 %
 * to 9 % per epoch (id from the Solana SDK feature set).
 */
export const REDUCE_STAKE_WARMUP_COOLDOWN_FEATURE_ID = new PublicKey(
  'GwtDQBghCTBgmX2cpEGNPxTEBUTQRaDMGTr5qychdGMj',
);

/** Serialized size of `StakeStateV2`, the data length of every stake account. */
export const STAKE_ACCOUNT_DATA_LENGTH = 200;

/** Byte offsets of the authorities inside a stake account, used by memcmp filters. */
export const STAKER_OFFSET = 12;
export const WITHDRAWER_OFFSET = 44;
