import {
  AddressLookupTableAccount,
  Keypair,
  MessageV0,
  PublicKey,
  StakeProgram,
  SystemProgram,
} from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  MessageParseError,
  parseMessageBody,
  parseMessageHeader,
} from '../../support/ledger-emulator';
import { BLOCKHASH, messageOf, signer, stakeAccount } from './review-helpers';

describe('parseMessageHeader', () => {
  it('reads a legacy message', () => {
    const message = messageOf(
      StakeProgram.deactivate({ stakePubkey: stakeAccount, authorizedPubkey: signer }).instructions,
    );

    const header = parseMessageHeader(message);

    expect(header.versioned).toBe(false);
    expect(header.numRequiredSignatures).toBe(1);
    expect(header.accountKeys[0]).toBe(signer.toBase58());
    expect(header.instructionCount).toBe(1);
  });

  it('reads a v0 message', () => {
    const message = MessageV0.compile({
      payerKey: signer,
      recentBlockhash: BLOCKHASH,
      instructions: [
        SystemProgram.transfer({ fromPubkey: signer, toPubkey: stakeAccount, lamports: 1 }),
      ],
    }).serialize();

    const header = parseMessageHeader(message);
    const body = parseMessageBody(header);

    expect(header.versioned).toBe(true);
    expect(header.version).toBe(0);
    expect(body.instructions).toHaveLength(1);
    expect(body.addressTableLookupCount).toBe(0);
  });

  it('counts the lookup tables of a v0 message', () => {
    const lookedUp = Keypair.generate().publicKey;
    const table = new AddressLookupTableAccount({
      key: new PublicKey('AddressLookupTab1e1111111111111111111111111'),
      state: {
        deactivationSlot: BigInt('18446744073709551615'),
        lastExtendedSlot: 0,
        lastExtendedSlotStartIndex: 0,
        addresses: [lookedUp],
      },
    });
    const message = MessageV0.compile({
      payerKey: signer,
      recentBlockhash: BLOCKHASH,
      instructions: [
        SystemProgram.transfer({ fromPubkey: signer, toPubkey: lookedUp, lamports: 1 }),
      ],
      addressLookupTableAccounts: [table],
    }).serialize();

    const header = parseMessageHeader(message);

    expect(() => parseMessageBody(header)).toThrow(MessageParseError);
  });

  it('rejects more signers than keys', () => {
    const message = Uint8Array.from([2, 0, 0, 1, ...new Uint8Array(32), ...new Uint8Array(32), 0]);

    expect(() => parseMessageHeader(message)).toThrow(MessageParseError);
  });

  it('rejects a truncated message', () => {
    expect(() => parseMessageHeader(Uint8Array.from([1, 0, 0, 2]))).toThrow(MessageParseError);
  });

  it('rejects trailing bytes after the instructions', () => {
    const message = messageOf([
      SystemProgram.transfer({ fromPubkey: signer, toPubkey: stakeAccount, lamports: 1 }),
    ]);
    const header = parseMessageHeader(Uint8Array.from([...message, 0]));

    expect(() => parseMessageBody(header)).toThrow(MessageParseError);
  });
});
