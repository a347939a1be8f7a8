import { request } from 'node:http';

import { Connection, Keypair } from '@solana/web3.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type Localnet, startLocalnet } from '../../support/localnet';

let localnet: Localnet;
let connection: Connection;

beforeEach(async () => {
  localnet = await startLocalnet();
  connection = new Connection(localnet.url, 'confirmed');
});

afterEach(async () => {
  await localnet.close();
});

interface ControlReply {
  status: number;
  body: { ok: boolean; error?: string; signature?: string; state?: Record<string, unknown> };
}

async function control(name: string, body?: unknown): Promise<ControlReply> {
  const response = await fetch(`${localnet.url}/control/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ControlReply['body'] };
}

/** Sends a request with a chosen Host header, which fetch does not allow. */
function getWithHost(host: string): Promise<number> {
  const url = new URL(`${localnet.url}/health`);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: '/health', headers: { Host: host } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('localnet HTTP controls', () => {
  it('advances epochs and slots', async () => {
    const { epoch } = await connection.getEpochInfo();
    const epochs = await control('advance-epochs', { n: 2 });
    expect(epochs.status).toBe(200);
    expect(epochs.body.state?.['epoch']).toBe(epoch + 2);

    const slot = await connection.getSlot();
    const slots = await control('advance-slots', { n: 10 });
    expect(slots.body.state?.['absoluteSlot']).toBe(slot + 10);
  });

  it('funds an address', async () => {
    const recipient = Keypair.generate().publicKey;
    const reply = await control('fund', { address: recipient.toBase58(), lamports: '2500000000' });

    expect(reply.status).toBe(200);
    expect(await connection.getBalance(recipient)).toBe(2_500_000_000);
    const history = await connection.getSignaturesForAddress(recipient);
    expect(history.map((entry) => entry.signature)).toEqual([reply.body.signature]);
  });

  it('expires blockhashes', async () => {
    const { blockhash } = await connection.getLatestBlockhash();
    await control('expire-blockhashes', {});
    expect((await connection.isBlockhashValid(blockhash)).value).toBe(false);
  });

  it('changes a commission', async () => {
    const voteAccount = localnet.validators[1]?.voteAccount.toBase58() ?? '';
    const reply = await control('set-commission', { voteAccount, commission: 77 });
    const { current } = await connection.getVoteAccounts();

    expect(reply.status).toBe(200);
    expect(current.find((entry) => entry.votePubkey === voteAccount)?.commission).toBe(77);
  });

  it('stops and resumes serving', async () => {
    await control('stop-serving', { mode: 'offline' });
    await expect(fetch(localnet.url, { method: 'POST', body: '{}' })).rejects.toThrow();

    await control('stop-serving', { mode: 'http-error', status: 503 });
    const failing = await fetch(localnet.url, { method: 'POST', body: '{}' });
    expect(failing.status).toBe(503);

    const resumed = await control('resume');
    expect(resumed.body.state?.['servingMode']).toBe('serving');
    expect(await connection.getSlot()).toBeGreaterThan(0);
  });

  it('rejects malformed control requests', async () => {
    const badCount = await control('advance-epochs', { n: 0 });
    const unknownField = await control('fund', { address: 'x', lamports: 1, extra: true });
    const unknown = await control('self-destruct', {});

    expect(badCount.status).toBe(400);
    expect(badCount.body.ok).toBe(false);
    expect(unknownField.status).toBe(400);
    expect(unknown.status).toBe(404);
  });

  it('rejects foreign origins and hosts', async () => {
    const foreign = await fetch(localnet.url, {
      method: 'POST',
      headers: { Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"getSlot"}',
    });
    const loopback = await fetch(localnet.url, {
      method: 'POST',
      headers: { Origin: 'http://localhost:5173', 'Content-Type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"getSlot"}',
    });

    expect(foreign.status).toBe(403);
    expect(loopback.status).toBe(200);
    expect(loopback.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(await getWithHost('rebind.attacker.example')).toBe(403);
    expect(await getWithHost(new URL(localnet.url).host)).toBe(200);
  });
});
