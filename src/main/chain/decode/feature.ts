import { WalletError } from '../../../shared/errors';
import { ByteLayoutError, ByteReader } from './byteReader';

/**
 * Decodes a Feature program account, a bincode `Option<u64>` holding the slot at which the
 * feature was activated. Returns null for a feature that is pending activation.
 *
 * @throws WalletError ACCOUNT_DECODE_FAILED for a bad option tag or missing bytes.
 */
export function decodeFeatureActivationSlot(data: Uint8Array, address: string): bigint | null {
  try {
    const reader = new ByteReader(data);
    const isActivated = reader.bool('activated_at option tag');
    return isActivated ? reader.u64('activated_at') : null;
  } catch (error) {
    if (error instanceof ByteLayoutError) {
      throw new WalletError(
        'ACCOUNT_DECODE_FAILED',
        { address, layout: 'Feature', reason: error.message },
        `Feature account ${address} could not be decoded: ${error.message}`,
      );
    }
    throw error;
  }
}
