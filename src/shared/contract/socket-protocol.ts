import { z } from 'zod';

/** Frames the page sends to the browser host over the loopback WebSocket. */
export const clientFrameSchema = z
  .object({
    type: z.literal('call'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    method: z.string().max(100),
    input: z.unknown(),
  })
  .strict();
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Frames the host sends back: call results, pushed events, and frame-level errors. */
export type HostFrame =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'error'; error: { code: string; message: string; context: Record<string, unknown> } };

export const bridgePath = '/bridge';
export const bridgeScriptPath = '/__bridge.js';

/** Largest frame the host accepts; bigger ones close that connection (code 1009). */
export const maxFrameBytes = 256 * 1024;
