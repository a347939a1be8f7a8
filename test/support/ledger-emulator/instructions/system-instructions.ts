import { ByteReader, encodeBase58Key } from '../bytes';
import type { CompiledInstruction } from '../message/message-parser';
import { AccountCursor, InstructionDecodeError } from './accounts';

/** System program instructions the Solana app can display, with the fields it reads. */
export type SystemInstruction =
  | {
      readonly kind: 'create-account';
      readonly from: string;
      readonly to: string;
      readonly lamports: bigint;
      readonly space: bigint;
      readonly owner: string;
    }
  | { readonly kind: 'assign'; readonly account: string; readonly owner: string }
  | {
      readonly kind: 'transfer';
      readonly from: string;
      readonly to: string;
      readonly lamports: bigint;
    }
  | {
      readonly kind: 'create-account-with-seed';
      readonly from: string;
      readonly to: string;
      readonly base: string;
      readonly seed: Uint8Array;
      readonly lamports: bigint;
      readonly space: bigint;
      readonly owner: string;
    }
  | { readonly kind: 'advance-nonce'; readonly nonce: string; readonly authority: string }
  | {
      readonly kind: 'withdraw-nonce';
      readonly nonce: string;
      readonly to: string;
      readonly authority: string;
      readonly lamports: bigint;
    }
  | { readonly kind: 'initialize-nonce'; readonly nonce: string; readonly authority: string }
  | {
      readonly kind: 'authorize-nonce';
      readonly nonce: string;
      readonly authority: string;
      readonly newAuthority: string;
    }
  | { readonly kind: 'allocate'; readonly account: string; readonly space: bigint }
  | {
      readonly kind: 'allocate-with-seed';
      readonly account: string;
      readonly base: string;
      readonly seed: Uint8Array;
      readonly space: bigint;
      readonly owner: string;
    };

/** Decodes a System instruction; AssignWithSeed and later variants are not displayable. */
export function decodeSystemInstruction(
  instruction: CompiledInstruction,
  accountKeys: readonly string[],
): SystemInstruction {
  const data = new ByteReader(instruction.data);
  const accounts = new AccountCursor(instruction, accountKeys);
  const discriminator = data.readU32Le();

  switch (discriminator) {
    case 0:
      return {
        kind: 'create-account',
        from: accounts.take('funding account'),
        to: accounts.take('new account'),
        lamports: data.readU64Le(),
        space: data.readU64Le(),
        owner: encodeBase58Key(data.readPubkey()),
      };
    case 1:
      return {
        kind: 'assign',
        account: accounts.take('assigned account'),
        owner: encodeBase58Key(data.readPubkey()),
      };
    case 2:
      return {
        kind: 'transfer',
        from: accounts.take('sender'),
        to: accounts.take('recipient'),
        lamports: data.readU64Le(),
      };
    case 3:
      return {
        kind: 'create-account-with-seed',
        from: accounts.take('funding account'),
        to: accounts.take('new account'),
        base: encodeBase58Key(data.readPubkey()),
        seed: data.readSizedBytes(),
        lamports: data.readU64Le(),
        space: data.readU64Le(),
        owner: encodeBase58Key(data.readPubkey()),
      };
    case 4: {
      const nonce = accounts.take('nonce account');
      accounts.skip('recent blockhashes sysvar');
      return { kind: 'advance-nonce', nonce, authority: accounts.take('nonce authority') };
    }
    case 5: {
      const nonce = accounts.take('nonce account');
      const to = accounts.take('recipient');
      accounts.skip('recent blockhashes sysvar');
      accounts.skip('rent sysvar');
      const authority = accounts.take('nonce authority');
      return { kind: 'withdraw-nonce', nonce, to, authority, lamports: data.readU64Le() };
    }
    case 6: {
      const nonce = accounts.take('nonce account');
      accounts.skip('recent blockhashes sysvar');
      accounts.skip('rent sysvar');
      return { kind: 'initialize-nonce', nonce, authority: encodeBase58Key(data.readPubkey()) };
    }
    case 7:
      return {
        kind: 'authorize-nonce',
        nonce: accounts.take('nonce account'),
        authority: accounts.take('nonce authority'),
        newAuthority: encodeBase58Key(data.readPubkey()),
      };
    case 8:
      return { kind: 'allocate', account: accounts.take('account'), space: data.readU64Le() };
    case 9: {
      const account = accounts.take('account');
      accounts.skip('base');
      return {
        kind: 'allocate-with-seed',
        account,
        base: encodeBase58Key(data.readPubkey()),
        seed: data.readSizedBytes(),
        space: data.readU64Le(),
        owner: encodeBase58Key(data.readPubkey()),
      };
    }
    default:
      throw new InstructionDecodeError(`System instruction ${discriminator} is not displayable`);
  }
}
