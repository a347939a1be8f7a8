import bs58 from 'bs58';

import type { ReviewAction } from '../../../shared/domain/stake';
import { ByteReader } from '../bytes';
import { accountAt } from './decode-result';

const PUBKEY_BYTES = 32;

/**
 * Decodes a System program instruction (u32 `SystemInstruction` variant, then bincode
 * fields). Returns null for an unknown variant. Throws ByteReadError on short data and
 * MissingAccountError on a short account list.
 */
export function decodeSystemInstruction(
  data: Uint8Array,
  accounts: readonly string[],
): ReviewAction | null {
  const reader = new ByteReader(data);
  const variant = reader.u32('system instruction variant');
  const pubkey = (field: string): string => bs58.encode(reader.bytes(PUBKEY_BYTES, field));

  switch (variant) {
    case 0:
      return {
        kind: 'systemCreateAccount',
        from: accountAt(accounts, 0, 'funding account'),
        newAccount: accountAt(accounts, 1, 'new account'),
        lamports: reader.u64('lamports').toString(),
        space: reader.u64('space').toString(),
        owner: pubkey('owner'),
      };
    case 1:
      return {
        kind: 'systemAssign',
        account: accountAt(accounts, 0, 'account'),
        owner: pubkey('owner'),
      };
    case 2:
      return {
        kind: 'systemTransfer',
        from: accountAt(accounts, 0, 'sender'),
        to: accountAt(accounts, 1, 'recipient'),
        lamports: reader.u64('lamports').toString(),
      };
    case 3:
      return {
        kind: 'systemCreateAccountWithSeed',
        from: accountAt(accounts, 0, 'funding account'),
        newAccount: accountAt(accounts, 1, 'new account'),
        base: pubkey('base'),
        seed: reader.string('seed'),
        lamports: reader.u64('lamports').toString(),
        space: reader.u64('space').toString(),
        owner: pubkey('owner'),
      };
    case 4:
      return {
        kind: 'systemAdvanceNonce',
        nonceAccount: accountAt(accounts, 0, 'nonce account'),
        authority: accountAt(accounts, 2, 'nonce authority'),
      };
    case 5:
      return {
        kind: 'systemWithdrawNonce',
        nonceAccount: accountAt(accounts, 0, 'nonce account'),
        to: accountAt(accounts, 1, 'recipient'),
        authority: accountAt(accounts, 4, 'nonce authority'),
        lamports: reader.u64('lamports').toString(),
      };
    case 6:
      return {
        kind: 'systemInitializeNonce',
        nonceAccount: accountAt(accounts, 0, 'nonce account'),
        authority: pubkey('authority'),
      };
    case 7:
      return {
        kind: 'systemAuthorizeNonce',
        nonceAccount: accountAt(accounts, 0, 'nonce account'),
        authority: accountAt(accounts, 1, 'nonce authority'),
        newAuthority: pubkey('new authority'),
      };
    case 8:
      return {
        kind: 'systemAllocate',
        account: accountAt(accounts, 0, 'account'),
        space: reader.u64('space').toString(),
      };
    case 9:
      return {
        kind: 'systemAllocateWithSeed',
        account: accountAt(accounts, 0, 'account'),
        base: pubkey('base'),
        seed: reader.string('seed'),
        space: reader.u64('space').toString(),
        owner: pubkey('owner'),
      };
    case 10:
      return {
        kind: 'systemAssignWithSeed',
        account: accountAt(accounts, 0, 'account'),
        base: pubkey('base'),
        seed: reader.string('seed'),
        owner: pubkey('owner'),
      };
    case 11:
      return {
        kind: 'systemTransferWithSeed',
        from: accountAt(accounts, 0, 'sender'),
        base: accountAt(accounts, 1, 'base'),
        to: accountAt(accounts, 2, 'recipient'),
        lamports: reader.u64('lamports').toString(),
        fromSeed: reader.string('from seed'),
        fromOwner: pubkey('from owner'),
      };
    case 12:
      return { kind: 'systemUpgradeNonce', nonceAccount: accountAt(accounts, 0, 'nonce account') };
    default:
      return null;
  }
}
