import { Connection, Keypair, StakeProgram } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet } from '../../support/localnet';
import { buildTransaction, callRpc, postRpc, SOL, transfer } from './support';

let localnet: Localnet;
let connection: Connection;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
});

afterEach(async () => {
  await localnet.close();
});

function base64(transaction: { serialize(): Uint8Array }): string {
  return Buffer.from(transaction.serialize()).toString('base64');
}

describe('localnet JSON-RPC envelope', () => {
  it('returns a parse error', async () => {
    const reply = await postRpc(localnet.url, '{"jsonrpc": "2.0", "method": ');
    expect(reply.body).toEqual({
      jsonrpc: '2.0',
      error: { code: -32700, message: 'Parse error' },
      id: null,
    });
  });

  it('returns invalid request', async () => {
    const reply = await postRpc(localnet.url, '{"jsonrpc":"1.0","method":"getSlot","id":7}');
    expect(reply.body).toEqual({
      jsonrpc: '2.0',
      error: { code: -32600, message: 'Invalid request' },
      id: null,
    });
    const empty = await postRpc(localnet.url, '[]');
    expect(empty.body).toMatchObject({ error: { code: -32600 } });
  });

  it('returns method not found', async () => {
    const reply = await callRpc(localnet.url, 'getStakeActivation', [
      Keypair.generate().publicKey.toBase58(),
    ]);
    expect(reply).toEqual({
      jsonrpc: '2.0',
      error: { code: -32601, message: 'Method not found' },
      id: 1,
    });
  });

  it('returns invalid params', async () => {
    const badKey = await callRpc(localnet.url, 'getBalance', ['not-a-key!']);
    const shortKey = await callRpc(localnet.url, 'getBalance', ['1111']);
    const missing = await callRpc(localnet.url, 'getBalance', []);
    const commitment = await callRpc(localnet.url, 'getSlot', [{ commitment: 'fastest' }]);

    expect(badKey['error']).toEqual({ code: -32602, message: 'Invalid param: Invalid' });
    expect(shortKey['error']).toEqual({ code: -32602, message: 'Invalid param: WrongSize' });
    expect(missing['error']).toEqual({
      code: -32602,
      message: '`params` should have at least 1 argument(s)',
    });
    expect(commitment['error']).toMatchObject({ code: -32602 });
  });

  it('returns a batch in order', async () => {
    const body = JSON.stringify([
      { jsonrpc: '2.0', id: 'a', method: 'getSlot' },
      { jsonrpc: '2.0', method: 'getSlot' },
      { jsonrpc: '2.0', id: 'b', method: 'noSuchMethod' },
      { jsonrpc: '2.0', id: 3, method: 'getBlockHeight' },
    ]);
    const reply = await postRpc(localnet.url, body);
    const slot = await connection.getSlot();

    expect(reply.body).toEqual([
      { jsonrpc: '2.0', result: slot, id: 'a' },
      { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 'b' },
      { jsonrpc: '2.0', result: await connection.getBlockHeight(), id: 3 },
    ]);
  });

  it('sends nothing for a notification', async () => {
    const reply = await postRpc(localnet.url, '{"jsonrpc":"2.0","method":"getSlot"}');
    expect(reply.status).toBe(204);
    expect(reply.body).toBeNull();
  });

  it('rejects an unreached minContextSlot', async () => {
    const slot = await connection.getSlot();
    const reply = await callRpc(localnet.url, 'getBalance', [
      Keypair.generate().publicKey.toBase58(),
      { minContextSlot: slot + 1000 },
    ]);
    expect(reply['error']).toEqual({
      code: -32016,
      message: 'Minimum context slot has not been reached',
      data: { contextSlot: slot },
    });
  });
});

describe('localnet transaction errors', () => {
  it('fails preflight for an unfunded fee payer', async () => {
    const payer = Keypair.generate();
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, 1n)],
      [payer],
    );
    const reply = await callRpc(localnet.url, 'sendTransaction', [
      base64(transaction),
      { encoding: 'base64' },
    ]);
    expect(reply['error']).toEqual({
      code: -32002,
      message:
        'Transaction simulation failed: Attempt to debit an account but found no record of a prior credit.',
      data: {
        err: 'AccountNotFound',
        logs: [],
        accounts: null,
        unitsConsumed: 0,
        returnData: null,
        innerInstructions: null,
        replacementBlockhash: null,
      },
    });
  });

  it('reports the failing instruction in preflight', async () => {
    const owner = Keypair.generate();
    await localnet.fund(owner.publicKey, 10n * SOL);
    const stake = Keypair.generate();
    const create = StakeProgram.createAccount({
      fromPubkey: owner.publicKey,
      stakePubkey: stake.publicKey,
      authorized: { staker: owner.publicKey, withdrawer: owner.publicKey },
      lamports: Number(2n * SOL),
    });
    // Delegating to an address that is not a vote account fails in the stake program.
    const delegate = StakeProgram.delegate({
      stakePubkey: stake.publicKey,
      authorizedPubkey: owner.publicKey,
      votePubkey: Keypair.generate().publicKey,
    });
    const transaction = await buildTransaction(
      connection,
      [...create.instructions, ...delegate.instructions],
      [owner, stake],
    );

    const reply = await callRpc(localnet.url, 'sendTransaction', [
      base64(transaction),
      { encoding: 'base64' },
    ]);
    const error = reply['error'] as {
      code: number;
      message: string;
      data: { err: unknown; logs: string[] };
    };
    expect(error.code).toBe(-32002);
    expect(error.message).toMatch(
      /^Transaction simulation failed: Error processing Instruction 2: /,
    );
    expect(error.data.err).toEqual({ InstructionError: [2, 'IncorrectProgramId'] });
    expect(error.data.logs.some((line) => line.includes('Stake111'))).toBe(true);
  });

  it('rejects a bad signature', async () => {
    const payer = Keypair.generate();
    await localnet.fund(payer.publicKey, SOL);
    const transaction = await buildTransaction(
      connection,
      [transfer(payer, Keypair.generate().publicKey, 1_000_000n)],
      [payer],
    );
    const signature = transaction.signatures[0];
    if (signature === undefined) {
      throw new Error('the transaction has no signature');
    }
    signature[0] = (signature[0] ?? 0) ^ 0xff;

    const reply = await callRpc(localnet.url, 'sendTransaction', [
      base64(transaction),
      { encoding: 'base64' },
    ]);
    expect(reply['error']).toEqual({
      code: -32003,
      message: 'Transaction signature verification failure',
    });
  });

  it('rejects an oversized transaction', async () => {
    const reply = await callRpc(localnet.url, 'sendTransaction', [
      Buffer.alloc(1300).toString('base64'),
      { encoding: 'base64' },
    ]);
    expect(reply['error']).toMatchObject({ code: -32602 });
    expect((reply['error'] as { message: string }).message).toContain('too large');
  });
});
