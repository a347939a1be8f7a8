import { ByteReader, encodeBase58Key } from '../bytes';
import type { CompiledInstruction } from '../message/message-parser';
import { AccountCursor, InstructionDecodeError } from './accounts';

export type StakeAuthorityRole = 'staker' | 'withdrawer';

export interface StakeLockup {
  readonly unixTimestamp: bigint;
  readonly epoch: bigint;
  readonly custodian: string;
}

/** Stake program instructions the Solana app can display, with the fields it reads. */
export type StakeInstruction =
  | {
      readonly kind: 'initialize';
      /** InitializeChecked takes the authorities as accounts and has no lockup. */
      readonly checked: boolean;
      readonly stake: string;
      readonly staker: string;
      readonly withdrawer: string;
      readonly lockup: StakeLockup | null;
    }
  | {
      readonly kind: 'authorize';
      readonly checked: boolean;
      readonly stake: string;
      readonly authority: string;
      readonly custodian: string | null;
      readonly newAuthority: string;
      /**
       * Message key index of the new authority for AuthorizeChecked, `null` when it comes from
       * the instruction data. The 1.9 app compares two new authorities by where they sit in
       * memory, so this index decides whether it shows one "New authorities" screen.
       */
      readonly newAuthorityKeyIndex: number | null;
      readonly role: StakeAuthorityRole;
    }
  | {
      readonly kind: 'delegate';
      readonly stake: string;
      readonly vote: string;
      readonly authority: string;
    }
  | {
      readonly kind: 'split';
      readonly stake: string;
      readonly destination: string;
      readonly authority: string;
      readonly lamports: bigint;
    }
  | {
      readonly kind: 'withdraw';
      readonly stake: string;
      readonly to: string;
      readonly authority: string;
      readonly lamports: bigint;
    }
  | { readonly kind: 'deactivate'; readonly stake: string; readonly authority: string }
  | {
      readonly kind: 'set-lockup';
      readonly checked: boolean;
      readonly stake: string;
      /** The signing lockup custodian (or withdraw authority while no lockup is in force). */
      readonly signer: string;
      readonly unixTimestamp: bigint | null;
      readonly epoch: bigint | null;
      readonly newCustodian: string | null;
    }
  | {
      readonly kind: 'merge';
      readonly destination: string;
      readonly source: string;
      readonly authority: string;
    };

function readAuthorityRole(data: ByteReader): StakeAuthorityRole {
  const role = data.readU32Le();
  if (role === 0) {
    return 'staker';
  }
  if (role === 1) {
    return 'withdrawer';
  }
  throw new InstructionDecodeError(`Unknown stake authority role ${role}`);
}

/**
 * Decodes a Stake instruction. AuthorizeWithSeed, AuthorizeCheckedWithSeed and every variant
 * after SetLockupChecked are not displayable, as in the app.
 */
export function decodeStakeInstruction(
  instruction: CompiledInstruction,
  accountKeys: readonly string[],
): StakeInstruction {
  const data = new ByteReader(instruction.data);
  const accounts = new AccountCursor(instruction, accountKeys);
  const discriminator = data.readU32Le();

  switch (discriminator) {
    case 0: {
      const stake = accounts.take('stake account');
      accounts.skip('rent sysvar');
      return {
        kind: 'initialize',
        checked: false,
        stake,
        staker: encodeBase58Key(data.readPubkey()),
        withdrawer: encodeBase58Key(data.readPubkey()),
        lockup: {
          unixTimestamp: data.readI64Le(),
          epoch: data.readU64Le(),
          custodian: encodeBase58Key(data.readPubkey()),
        },
      };
    }
    case 1: {
      const stake = accounts.take('stake account');
      accounts.skip('clock sysvar');
      const authority = accounts.take('authority');
      const custodian = accounts.takeOptional();
      return {
        kind: 'authorize',
        checked: false,
        stake,
        authority,
        custodian,
        newAuthority: encodeBase58Key(data.readPubkey()),
        newAuthorityKeyIndex: null,
        role: readAuthorityRole(data),
      };
    }
    case 2: {
      const stake = accounts.take('stake account');
      const vote = accounts.take('vote account');
      accounts.skip('clock sysvar');
      accounts.skip('stake history sysvar');
      accounts.skip('stake config account');
      return { kind: 'delegate', stake, vote, authority: accounts.take('stake authority') };
    }
    case 3:
      return {
        kind: 'split',
        stake: accounts.take('stake account'),
        destination: accounts.take('split destination'),
        authority: accounts.take('stake authority'),
        lamports: data.readU64Le(),
      };
    case 4: {
      const stake = accounts.take('stake account');
      const to = accounts.take('recipient');
      accounts.skip('clock sysvar');
      accounts.skip('stake history sysvar');
      const authority = accounts.take('withdraw authority');
      return { kind: 'withdraw', stake, to, authority, lamports: data.readU64Le() };
    }
    case 5: {
      const stake = accounts.take('stake account');
      accounts.skip('clock sysvar');
      return { kind: 'deactivate', stake, authority: accounts.take('stake authority') };
    }
    case 6: {
      const stake = accounts.take('stake account');
      const signer = accounts.take('lockup authority');
      const unixTimestamp = data.readOptionTag() ? data.readI64Le() : null;
      const epoch = data.readOptionTag() ? data.readU64Le() : null;
      const newCustodian = data.readOptionTag() ? encodeBase58Key(data.readPubkey()) : null;
      return {
        kind: 'set-lockup',
        checked: false,
        stake,
        signer,
        unixTimestamp,
        epoch,
        newCustodian,
      };
    }
    case 7: {
      const destination = accounts.take('destination stake account');
      const source = accounts.take('source stake account');
      accounts.skip('clock sysvar');
      accounts.skip('stake history sysvar');
      return { kind: 'merge', destination, source, authority: accounts.take('stake authority') };
    }
    case 9: {
      const stake = accounts.take('stake account');
      accounts.skip('rent sysvar');
      return {
        kind: 'initialize',
        checked: true,
        stake,
        staker: accounts.take('stake authority'),
        withdrawer: accounts.take('withdraw authority'),
        lockup: null,
      };
    }
    case 10: {
      const stake = accounts.take('stake account');
      accounts.skip('clock sysvar');
      const authority = accounts.take('authority');
      const newAuthorityKeyIndex = accounts.takeIndex('new authority');
      const custodian = accounts.takeOptional();
      return {
        kind: 'authorize',
        checked: true,
        stake,
        authority,
        custodian,
        newAuthority: accountKeys[newAuthorityKeyIndex] ?? '',
        newAuthorityKeyIndex,
        role: readAuthorityRole(data),
      };
    }
    case 12: {
      const stake = accounts.take('stake account');
      const signer = accounts.take('lockup authority');
      const unixTimestamp = data.readOptionTag() ? data.readI64Le() : null;
      const epoch = data.readOptionTag() ? data.readU64Le() : null;
      const newCustodian = accounts.takeOptional();
      return {
        kind: 'set-lockup',
        checked: true,
        stake,
        signer,
        unixTimestamp,
        epoch,
        newCustodian,
      };
    }
    default:
      throw new InstructionDecodeError(`Stake instruction ${discriminator} is not displayable`);
  }
}
