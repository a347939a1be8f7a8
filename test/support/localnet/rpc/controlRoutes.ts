import { z } from 'zod';

import type { JsonValue } from './json';
import type { ServingMode } from './servingMode';

/** Actions the HTTP control API can trigger, implemented by the running localnet. */
export interface LocalnetControls {
  advanceSlots(count: number): Promise<unknown>;
  advanceEpochs(count: number): Promise<unknown>;
  expireBlockhashes(): Promise<unknown>;
  fund(address: string, lamports: bigint): Promise<string>;
  setCommission(voteAccount: string, commission: number): Promise<void>;
  setServingMode(mode: ServingMode): void;
  describe(): Promise<JsonValue>;
}

export interface ControlResponse {
  status: number;
  body: JsonValue;
}

const countSchema = (maximum: number) =>
  z.strictObject({ n: z.number().int().min(1).max(maximum) });

const emptySchema = z.strictObject({});

const fundSchema = z.strictObject({
  address: z.string().min(32).max(44),
  lamports: z.union([z.string().regex(/^[0-9]+$/), z.number().int().min(1)]),
});

const commissionSchema = z.strictObject({
  voteAccount: z.string().min(32).max(44),
  commission: z.number().int().min(0).max(100),
});

const stopServingSchema = z.strictObject({
  mode: z.enum(['offline', 'http-error']).default('offline'),
  status: z.number().int().min(400).max(599).default(503),
});

/** Maximum advance per control request, so that one request cannot run for minutes. */
const MAX_SLOTS_PER_REQUEST = 1_000_000;
const MAX_EPOCHS_PER_REQUEST = 20;

/**
 * Routes `POST /control/<name>` (and `GET /control/state`) to the localnet. Every success
 * returns `{ ok: true, state }` with the chain position afterwards.
 */
export async function handleControl(
  controls: LocalnetControls,
  method: string,
  name: string,
  body: unknown,
): Promise<ControlResponse> {
  if (method === 'GET' && name === 'state') {
    return succeed(controls);
  }
  if (method !== 'POST') {
    return { status: 405, body: { ok: false, error: `use POST for /control/${name}` } };
  }

  try {
    switch (name) {
      case 'advance-slots':
        await controls.advanceSlots(countSchema(MAX_SLOTS_PER_REQUEST).parse(body).n);
        return succeed(controls);
      case 'advance-epochs':
        await controls.advanceEpochs(countSchema(MAX_EPOCHS_PER_REQUEST).parse(body).n);
        return succeed(controls);
      case 'expire-blockhashes':
        emptySchema.parse(body);
        await controls.expireBlockhashes();
        return succeed(controls);
      case 'fund': {
        const request = fundSchema.parse(body);
        const signature = await controls.fund(request.address, BigInt(request.lamports));
        return succeed(controls, { signature });
      }
      case 'set-commission': {
        const request = commissionSchema.parse(body);
        await controls.setCommission(request.voteAccount, request.commission);
        return succeed(controls);
      }
      case 'stop-serving': {
        const request = stopServingSchema.parse(body);
        controls.setServingMode(
          request.mode === 'offline'
            ? { kind: 'offline' }
            : { kind: 'httpError', status: request.status },
        );
        return succeed(controls);
      }
      case 'resume':
        emptySchema.parse(body);
        controls.setServingMode({ kind: 'serving' });
        return succeed(controls);
      default:
        return { status: 404, body: { ok: false, error: `unknown control: ${name}` } };
    }
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    return { status: 400, body: { ok: false, error: message } };
  }
}

async function succeed(
  controls: LocalnetControls,
  extra: Record<string, JsonValue> = {},
): Promise<ControlResponse> {
  return { status: 200, body: { ok: true, ...extra, state: await controls.describe() } };
}
