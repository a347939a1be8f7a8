import { PublicKey, type EpochInfo } from '@solana/web3.js';
import { z } from 'zod';

import type { ChainControlName, ChainServing } from './protocol';

/**
 * The local chain controls the panel uses. `startLocalnet()` returns an object of this shape;
 * the panel names only what it calls so that it runs with any chain that offers them.
 */
export interface PanelChain {
  /** JSON-RPC endpoint of the chain. */
  readonly url: string;
  getEpochInfo(): Promise<EpochInfo>;
  advanceEpochs(count: number): Promise<EpochInfo>;
  expireBlockhashes(): Promise<EpochInfo>;
  /** Transfers lamports from the faucet and returns the transaction signature. */
  fund(address: string, lamports: bigint): Promise<string>;
}

/** Largest single advance, so that one click cannot keep the chain busy for minutes. */
const MAX_EPOCHS_PER_CONTROL = 20;
/** Largest faucet transfer the panel makes: one million SOL, in lamports. */
const MAX_FUNDING_LAMPORTS = 1_000_000n * 1_000_000_000n;

const advanceFields = z.strictObject({
  count: z.number().int().min(1).max(MAX_EPOCHS_PER_CONTROL),
});

const noFields = z.strictObject({});

const fundFields = z.strictObject({
  address: z.string().refine(isPublicKey, 'expected a base58 public key of 32 bytes'),
  // Lamports cross as a decimal string so that amounts above 2^53 stay exact.
  lamports: z
    .string()
    .regex(/^[1-9]\d{0,24}$/, 'expected a positive whole number of lamports, as a string')
    .transform((text) => BigInt(text))
    .refine(
      (lamports) => lamports <= MAX_FUNDING_LAMPORTS,
      `the panel funds at most ${MAX_FUNDING_LAMPORTS} lamports at once`,
    ),
});

export type ChainControlResult =
  | { readonly kind: 'moved' }
  | { readonly kind: 'funded'; readonly address: string; readonly signature: string }
  | { readonly kind: 'serving'; readonly serving: ChainServing };

/** Reply of the local node's `/control/` routes; only the serving mode is read from its state. */
const controlReplySchema = z.union([
  z.object({
    ok: z.literal(true),
    state: z.object({ servingMode: z.enum(['serving', 'offline', 'httpError']) }),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** Validates the body of a chain control and runs it; throws a ZodError for a malformed body. */
export async function applyChainControl(
  chain: PanelChain,
  name: ChainControlName,
  body: unknown,
): Promise<ChainControlResult> {
  switch (name) {
    case 'chain/advance-epochs':
      await chain.advanceEpochs(advanceFields.parse(body).count);
      return { kind: 'moved' };
    case 'chain/expire-blockhashes':
      noFields.parse(body);
      await chain.expireBlockhashes();
      return { kind: 'moved' };
    case 'chain/fund': {
      const { address, lamports } = fundFields.parse(body);
      const signature = await chain.fund(address, lamports);
      return { kind: 'funded', address, signature };
    }
    case 'chain/stop-serving':
      noFields.parse(body);
      return {
        kind: 'serving',
        serving: await callNodeControl(chain.url, 'POST', 'stop-serving', { mode: 'offline' }),
      };
    case 'chain/resume':
      noFields.parse(body);
      return { kind: 'serving', serving: await callNodeControl(chain.url, 'POST', 'resume', {}) };
  }
}

/** Reads the local node's serving mode from its `GET /control/state` route. */
export function readServing(chain: Pick<PanelChain, 'url'>): Promise<ChainServing> {
  return callNodeControl(chain.url, 'GET', 'state', null);
}

/**
 * Calls one of the local node's HTTP control routes, the same routes a test script uses. The
 * node serves them in every mode, so the chain can be started again after a stop.
 */
async function callNodeControl(
  url: string,
  method: 'GET' | 'POST',
  name: string,
  body: Record<string, string> | null,
): Promise<ChainServing> {
  const response = await fetch(new URL(`/control/${name}`, url), {
    method,
    headers: body === null ? {} : { 'Content-Type': 'application/json' },
    body: body === null ? null : JSON.stringify(body),
  });
  const reply = controlReplySchema.parse(await response.json());
  if (!reply.ok) {
    throw new Error(`The local chain rejected control ${name}: ${reply.error}`);
  }
  return reply.state.servingMode;
}

function isPublicKey(text: string): boolean {
  try {
    return new PublicKey(text).toBase58() === text;
  } catch {
    return false;
  }
}
