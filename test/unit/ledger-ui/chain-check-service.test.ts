import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PublicKey } from '@solana/web3.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { TransactionChainCheckService } from '../../../src/main/api/ledger/transaction-chain-check';
import { ChainService, createClusterConfig } from '../../../src/main/chain';
import { buildReviewModel } from '../../../src/main/stake';
import { legacyMessageBytes, transferInstruction } from './support/transactions';

const ACCOUNT0 = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';
const silent = pino({ level: 'silent' });

let server: Server | undefined;
const stalled: ServerResponse[] = [];

afterEach(async () => {
  for (const response of stalled.splice(0)) {
    response.destroy();
  }
  await new Promise<void>((resolve) =>
    server === undefined ? resolve() : server.close(() => resolve()),
  );
  server = undefined;
});

/** Starts a JSON-RPC endpoint on 127.0.0.1 that handles every request with `respond`. */
async function startEndpoint(
  respond: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  server = createServer(respond);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function checkServiceFor(url: string, timeoutMs: number): TransactionChainCheckService {
  const chain = new ChainService({
    cluster: createClusterConfig('localnet', [url]),
    logger: silent,
    policy: { attemptsPerEndpoint: 1, baseDelayMs: 1, maxDelayMs: 1, requestTimeoutMs: 60_000 },
  });
  return new TransactionChainCheckService({
    chain: () => Promise.resolve(chain),
    logger: silent,
    timeoutMs,
  });
}

function transferRequest() {
  const message = legacyMessageBytes(ACCOUNT0, [
    transferInstruction(ACCOUNT0, new PublicKey(Buffer.alloc(32, 9)).toBase58()),
  ]);
  const review = buildReviewModel(message, { signer: ACCOUNT0, appVersion: '1.9.0' });
  return { message, review, ownAddresses: [ACCOUNT0] };
}

describe('TransactionChainCheckService', () => {
  it('reports a cluster that does not respond as timed out', async () => {
    const url = await startEndpoint((_request, response) => {
      stalled.push(response);
    });

    const result = await checkServiceFor(url, 200).check(transferRequest());

    expect(result.check).toMatchObject({ outcome: 'notChecked', reason: 'timedOut' });
    expect(result.balances.size).toBe(0);
  });

  it('reports a JSON-RPC error as not checked', async () => {
    const url = await startEndpoint((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          error: {
            code: -32602,
            message:
              "invalid transaction: Transaction loads an address table account that doesn't exist",
          },
        }),
      );
    });

    const result = await checkServiceFor(url, 10_000).check(transferRequest());

    expect(result.check).toMatchObject({ outcome: 'notChecked', reason: 'rpcError' });
  });

  it('throws CANCELLED when the caller aborts', async () => {
    const url = await startEndpoint((_request, response) => {
      stalled.push(response);
    });
    const controller = new AbortController();

    const checking = checkServiceFor(url, 60_000).check(transferRequest(), controller.signal);
    controller.abort();

    await expect(checking).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
