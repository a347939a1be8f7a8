import { PublicKey } from '@solana/web3.js';

import { WalletError } from '../../../../shared/errors';

/**
 * Rejects a typed address that is not a 32-byte base58 public key before anything is read
 * from the cluster. The bridge schema only checks the characters and the length of the text,
 * and a node rejects a wrong-size key with an RPC error that blames the endpoint.
 *
 * @throws WalletError INVALID_REQUEST naming the field and the value.
 */
export function assertTypedAddress(method: string, field: string, address: string): void {
  try {
    new PublicKey(address);
    return;
  } catch {
    const message = `${field}: "${address}" is not a Solana address because it does not decode to 32 bytes. A Solana address is 32 to 44 base58 characters that decode to 32 bytes. Copy the whole address again.`;
    throw new WalletError(
      'INVALID_REQUEST',
      { method, issues: [{ path: field, message }] },
      message,
    );
  }
}
