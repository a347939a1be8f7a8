import type { MethodInput, MethodName } from '../../../src/shared/contract';

/**
 * One valid input per contract method. The type makes this table fail to compile when a
 * method is added without a sample, so the bridge tests always cover every method.
 */
export const validInputs: { [M in MethodName]: MethodInput<M> } = {
  getAppInfo: {},
  getSettings: {},
  updateSettings: { theme: 'dark' },
  openExternal: { url: 'https://explorer.solana.com/address/11111111111111111111111111111111' },
};
