import {
  type Connection,
  type Keypair,
  PublicKey,
  SystemProgram,
  type TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';

export const SOL = 1_000_000_000n;

/** Builds and signs a legacy transaction with a fresh blockhash. The first signer pays. */
export async function buildTransaction(
  connection: Connection,
  instructions: TransactionInstruction[],
  signers: Keypair[],
): Promise<VersionedTransaction> {
  const payer = signers[0];
  if (payer === undefined) {
    throw new Error('a transaction needs at least one signer');
  }
  const { blockhash } = await connection.getLatestBlockhash();
  const message = new TransactionMessage({
    payerKey: payer.publicKey,
    recentBlockhash: blockhash,
    instructions,
  }).compileToLegacyMessage();
  const transaction = new VersionedTransaction(message);
  transaction.sign(signers);
  return transaction;
}

/**
 * Sends a transaction with preflight and reads its status once. The local node executes a
 * transaction before sendTransaction returns, so no polling is needed.
 */
export async function sendAndConfirm(
  connection: Connection,
  instructions: TransactionInstruction[],
  signers: Keypair[],
): Promise<string> {
  const transaction = await buildTransaction(connection, instructions, signers);
  const signature = await connection.sendTransaction(transaction);
  const { value } = await connection.getSignatureStatuses([signature]);
  const status = value[0];
  if (status === null || status === undefined || status.err !== null) {
    throw new Error(`transaction ${signature} did not land cleanly: ${JSON.stringify(status)}`);
  }
  return signature;
}

export function transfer(from: Keypair, to: PublicKey, lamports: bigint): TransactionInstruction {
  return SystemProgram.transfer({ fromPubkey: from.publicKey, toPubkey: to, lamports });
}

export interface JsonRpcReply {
  status: number;
  body: unknown;
}

/** Posts a raw JSON-RPC body, for checking envelopes that web3.js never produces. */
export async function postRpc(url: string, body: string): Promise<JsonRpcReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** Calls one JSON-RPC method and returns the whole response object. */
export async function callRpc(
  url: string,
  method: string,
  params?: unknown[],
): Promise<Record<string, unknown>> {
  const reply = await postRpc(url, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
  return reply.body as Record<string, unknown>;
}

/** Reads the delegation fields of a stake account at the offsets of `StakeStateV2::Stake`. */
export function readDelegation(data: Uint8Array): {
  voter: PublicKey;
  stake: bigint;
  activationEpoch: bigint;
  deactivationEpoch: bigint;
} {
  const view = Buffer.from(data);
  return {
    voter: new PublicKey(view.subarray(124, 156)),
    stake: view.readBigUInt64LE(156),
    activationEpoch: view.readBigUInt64LE(164),
    deactivationEpoch: view.readBigUInt64LE(172),
  };
}

export interface HistoryEntry {
  epoch: bigint;
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

/** Reads the StakeHistory sysvar: a u64 count, then four u64 fields per entry. */
export async function readStakeHistory(connection: Connection): Promise<HistoryEntry[]> {
  const account = await connection.getAccountInfo(
    new PublicKey('SysvarStakeHistory1111111111111111111111111'),
  );
  if (account === null) {
    throw new Error('the StakeHistory sysvar is missing');
  }
  const data = account.data;
  const count = Number(data.readBigUInt64LE(0));
  const entries: HistoryEntry[] = [];
  for (let index = 0; index < count; index++) {
    const offset = 8 + index * 32;
    entries.push({
      epoch: data.readBigUInt64LE(offset),
      effective: data.readBigUInt64LE(offset + 8),
      activating: data.readBigUInt64LE(offset + 16),
      deactivating: data.readBigUInt64LE(offset + 24),
    });
  }
  return entries;
}
