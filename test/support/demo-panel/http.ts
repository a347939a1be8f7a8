import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest control body the panel reads; every control fits in a few hundred bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A request the panel refuses, with the HTTP status and a message for the person. */
export class PanelHttpError extends Error {
  override readonly name = 'PanelHttpError';

  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** Compares in constant time, so the response time does not leak how much of a token matched. */
export function isSameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the token from `Authorization: Bearer …`, else from the `token` query parameter. */
export function readToken(request: IncomingMessage, url: URL): string {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer (\S+)$/.exec(header);
  return bearer?.[1] ?? url.searchParams.get('token') ?? '';
}

/** Reads and parses a JSON body of at most MAX_BODY_BYTES. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new PanelHttpError(415, 'Send the control as Content-Type: application/json.');
  }

  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BODY_BYTES) {
      throw new PanelHttpError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(chunk);
  }

  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PanelHttpError(400, `The body is not valid JSON: ${reason}`);
  }
}

/** Headers of every panel response: no caching, no referrer (the address carries the token). */
export const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

export function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const challenge: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
  response.writeHead(status, {
    ...baseHeaders,
    ...challenge,
    ...headers,
    'Content-Type': 'application/json',
  });
  response.end(JSON.stringify({ ok: false, error: message }));
}
