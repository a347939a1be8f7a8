import { SYSVAR_CLOCK_PUBKEY, SYSVAR_RENT_PUBKEY } from '@solana/web3.js';
import bs58 from 'bs58';

import type { ReviewAction, StakeAuthorityType } from '../../../shared/domain/stake';
import { ByteReadError, ByteReader } from '../bytes';
import { accountAt } from './decode-result';

const PUBKEY_BYTES = 32;
const CLOCK = SYSVAR_CLOCK_PUBKEY.toBase58();
const RENT = SYSVAR_RENT_PUBKEY.toBase58();

/**
 * Decodes a Stake program instruction (u32 `StakeInstruction` variant, then bincode fields).
 * Both account layouts are read: the original one with sysvar accounts and the newer one
 * without them. The current stake program accepts both and picks the layout by checking
 * whether the Clock (or Rent) sysvar is in the sysvar position. Returns null for an unknown variant.
 * Throws ByteReadError on short data and MissingAccountError on a short account list.
 */
export function decodeStakeInstruction(
  data: Uint8Array,
  accounts: readonly string[],
): ReviewAction | null {
  const reader = new ByteReader(data);
  const variant = reader.u32('stake instruction variant');
  const pubkey = (field: string): string => bs58.encode(reader.bytes(PUBKEY_BYTES, field));
  // Position of the account after an optional Clock sysvar at `position`.
  const afterClock = (position: number): number =>
    accounts[position] === CLOCK ? position + 1 : position;
  const optional = (position: number): string | null => accounts[position] ?? null;

  switch (variant) {
    case 0:
      return {
        kind: 'stakeInitialize',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        staker: pubkey('staker'),
        withdrawer: pubkey('withdrawer'),
        lockup: {
          unixTimestamp: reader.i64('lockup unix timestamp').toString(),
          epoch: reader.u64('lockup epoch').toString(),
          custodian: pubkey('lockup custodian'),
        },
      };
    case 1: {
      const authority = afterClock(1);
      return {
        kind: 'stakeAuthorize',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authority: accountAt(accounts, authority, 'authority'),
        newAuthority: pubkey('new authority'),
        authorityType: readAuthorityType(reader),
        custodian: optional(authority + 1),
      };
    }
    case 2: {
      // The original layout puts Clock, StakeHistory and the stake config before the authority.
      const authority = accounts[2] === CLOCK ? 5 : 2;
      return {
        kind: 'stakeDelegate',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        voteAccount: accountAt(accounts, 1, 'vote account'),
        authority: accountAt(accounts, authority, 'stake authority'),
      };
    }
    case 3:
      return {
        kind: 'stakeSplit',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        destination: accountAt(accounts, 1, 'split destination'),
        authority: accountAt(accounts, 2, 'stake authority'),
        lamports: reader.u64('lamports').toString(),
      };
    case 4: {
      // Clock and StakeHistory precede the authority in the original layout.
      const authority = accounts[2] === CLOCK ? 4 : 2;
      return {
        kind: 'stakeWithdraw',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        to: accountAt(accounts, 1, 'recipient'),
        authority: accountAt(accounts, authority, 'withdraw authority'),
        lamports: reader.u64('lamports').toString(),
        custodian: optional(authority + 1),
      };
    }
    case 5:
      return {
        kind: 'stakeDeactivate',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authority: accountAt(accounts, afterClock(1), 'stake authority'),
      };
    case 6:
      return {
        kind: 'stakeSetLockup',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authority: accountAt(accounts, 1, 'lockup or withdraw authority'),
        unixTimestamp: reader.option('unix timestamp')
          ? reader.i64('unix timestamp').toString()
          : null,
        epoch: reader.option('epoch') ? reader.u64('epoch').toString() : null,
        custodian: reader.option('custodian') ? pubkey('custodian') : null,
      };
    case 7: {
      const authority = accounts[2] === CLOCK ? 4 : 2;
      return {
        kind: 'stakeMerge',
        destination: accountAt(accounts, 0, 'destination'),
        source: accountAt(accounts, 1, 'source'),
        authority: accountAt(accounts, authority, 'stake authority'),
      };
    }
    case 8: {
      const custodian = afterClock(2);
      return {
        kind: 'stakeAuthorizeWithSeed',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authorityBase: accountAt(accounts, 1, 'authority base'),
        newAuthority: pubkey('new authority'),
        authorityType: readAuthorityType(reader),
        authoritySeed: reader.string('authority seed'),
        authorityOwner: pubkey('authority owner'),
        custodian: optional(custodian),
      };
    }
    case 9: {
      const staker = accounts[1] === RENT ? 2 : 1;
      return {
        kind: 'stakeInitializeChecked',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        staker: accountAt(accounts, staker, 'staker'),
        withdrawer: accountAt(accounts, staker + 1, 'withdrawer'),
      };
    }
    case 10: {
      const authority = afterClock(1);
      return {
        kind: 'stakeAuthorizeChecked',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authority: accountAt(accounts, authority, 'authority'),
        newAuthority: accountAt(accounts, authority + 1, 'new authority'),
        authorityType: readAuthorityType(reader),
        custodian: optional(authority + 2),
      };
    }
    case 11: {
      const newAuthority = afterClock(2);
      return {
        kind: 'stakeAuthorizeCheckedWithSeed',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authorityBase: accountAt(accounts, 1, 'authority base'),
        authorityType: readAuthorityType(reader),
        authoritySeed: reader.string('authority seed'),
        authorityOwner: pubkey('authority owner'),
        newAuthority: accountAt(accounts, newAuthority, 'new authority'),
        custodian: optional(newAuthority + 1),
      };
    }
    case 12:
      return {
        kind: 'stakeSetLockupChecked',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        authority: accountAt(accounts, 1, 'lockup or withdraw authority'),
        unixTimestamp: reader.option('unix timestamp')
          ? reader.i64('unix timestamp').toString()
          : null,
        epoch: reader.option('epoch') ? reader.u64('epoch').toString() : null,
        custodian: optional(2),
      };
    case 13:
      return { kind: 'stakeGetMinimumDelegation' };
    case 14:
      return {
        kind: 'stakeDeactivateDelinquent',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        delinquentVoteAccount: accountAt(accounts, 1, 'delinquent vote account'),
        referenceVoteAccount: accountAt(accounts, 2, 'reference vote account'),
      };
    case 15:
      return {
        kind: 'stakeRedelegate',
        stakeAccount: accountAt(accounts, 0, 'stake account'),
        newStakeAccount: accountAt(accounts, 1, 'new stake account'),
        voteAccount: accountAt(accounts, 2, 'vote account'),
        authority: accountAt(accounts, 4, 'stake authority'),
      };
    case 16:
    case 17:
      return {
        kind: variant === 16 ? 'stakeMoveStake' : 'stakeMoveLamports',
        source: accountAt(accounts, 0, 'source'),
        destination: accountAt(accounts, 1, 'destination'),
        authority: accountAt(accounts, 2, 'stake authority'),
        lamports: reader.u64('lamports').toString(),
      };
    default:
      return null;
  }
}

function readAuthorityType(reader: ByteReader): StakeAuthorityType {
  const value = reader.u32('stake authorize');
  switch (value) {
    case 0:
      return 'staker';
    case 1:
      return 'withdrawer';
    default:
      throw new ByteReadError(
        `stake authorize value ${value} is neither staker (0) nor withdrawer (1)`,
        reader.offset - 4,
      );
  }
}
