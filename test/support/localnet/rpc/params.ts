import { PublicKey } from '@solana/web3.js';
import bs58 from 'bs58';

import { invalidParams, RpcError, RpcErrorCode } from './rpcError';

export type RpcConfig = Record<string, unknown>;

/** Maximum length of a 32-byte key in base58 (`MAX_BASE58_LEN`). */
const MAX_BASE58_PUBKEY_LENGTH = 44;

const commitments = [
  'processed',
  'confirmed',
  'finalized',
  'recent',
  'single',
  'singleGossip',
  'root',
  'max',
];

/** Returns the positional params, checking that at least `minimum` were given. */
export function readParams(params: unknown, minimum: number): unknown[] {
  if (params === undefined || params === null) {
    params = [];
  }
  if (!Array.isArray(params)) {
    throw invalidParams('Invalid params: invalid type: map, expected a sequence.');
  }
  if (params.length < minimum) {
    throw invalidParams(`\`params\` should have at least ${minimum} argument(s)`);
  }
  return params;
}

/** Reads an optional config object and checks its `commitment`. */
export function readConfig(value: unknown): RpcConfig {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParams(`Invalid params: invalid type: ${describe(value)}, expected a map.`);
  }
  const config = value as RpcConfig;
  const commitment = config['commitment'];
  if (
    commitment !== undefined &&
    !(typeof commitment === 'string' && commitments.includes(commitment))
  ) {
    throw invalidParams(
      `Invalid params: unknown variant \`${formatValue(commitment)}\`, expected one of ${commitments
        .map((name) => `\`${name}\``)
        .join(', ')}.`,
    );
  }
  return config;
}

/** Parses a base58 public key with the errors of Agave's `Pubkey::from_str`. */
export function readPubkey(value: unknown): PublicKey {
  if (typeof value !== 'string') {
    throw invalidParams(`Invalid params: invalid type: ${describe(value)}, expected a string.`);
  }
  if (value.length > MAX_BASE58_PUBKEY_LENGTH) {
    throw invalidParams('Invalid param: WrongSize');
  }
  let bytes: Uint8Array;
  try {
    bytes = bs58.decode(value);
  } catch {
    throw invalidParams('Invalid param: Invalid');
  }
  if (bytes.length !== 32) {
    throw invalidParams('Invalid param: WrongSize');
  }
  return new PublicKey(bytes);
}

export function readPubkeyList(value: unknown, maximum: number): PublicKey[] {
  if (!Array.isArray(value)) {
    throw invalidParams(`Invalid params: invalid type: ${describe(value)}, expected a sequence.`);
  }
  if (value.length > maximum) {
    throw invalidParams(`Too many inputs provided; max ${maximum}`);
  }
  return value.map(readPubkey);
}

/** Reads a non-negative integer that may exceed 2^53 only if given as a JSON number. */
export function readU64(value: unknown, name: string): bigint {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParams(
      `Invalid params: invalid type: ${describe(value)}, expected u64 for \`${name}\`.`,
    );
  }
  return BigInt(value);
}

export function readOptionalU64(config: RpcConfig, name: string): bigint | undefined {
  const value = config[name];
  return value === undefined || value === null ? undefined : readU64(value, name);
}

export function readOptionalString(config: RpcConfig, name: string): string | undefined {
  const value = config[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalidParams(`Invalid params: invalid type: ${describe(value)}, expected a string.`);
  }
  return value;
}

export function readOptionalBoolean(config: RpcConfig, name: string): boolean {
  const value = config[name];
  if (value === undefined || value === null) {
    return false;
  }
  if (typeof value !== 'boolean') {
    throw invalidParams(`Invalid params: invalid type: ${describe(value)}, expected a boolean.`);
  }
  return value;
}

/** Rejects the request when the node has not reached the config's `minContextSlot`. */
export function checkMinContextSlot(config: RpcConfig, slot: bigint): void {
  const minimum = readOptionalU64(config, 'minContextSlot');
  if (minimum !== undefined && minimum > slot) {
    throw new RpcError(
      RpcErrorCode.minContextSlotNotReached,
      'Minimum context slot has not been reached',
      { contextSlot: slot },
    );
  }
}

/** Formats a request value for an error message: strings as they are, the rest as JSON. */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'sequence';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  }
  if (typeof value === 'string') {
    return `string "${value}"`;
  }
  if (typeof value === 'boolean') {
    return `boolean \`${value}\``;
  }
  return typeof value === 'object' ? 'map' : typeof value;
}
