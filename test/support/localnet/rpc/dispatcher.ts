import type { Logger } from 'pino';

import type { SerialQueue } from '../chain/serialQueue';
import type { RpcContext, RpcMethodTable } from './context';
import { type JsonValue, stringifyJson } from './json';
import { RpcError, RpcErrorCode } from './rpcError';

type RequestId = string | number | null;

/**
 * JSON-RPC 2.0 envelope handling: parse errors, invalid requests, unknown methods,
 * notifications and batches, with each call run through the chain's serial queue.
 */
export class JsonRpcDispatcher {
  constructor(
    private readonly methods: RpcMethodTable,
    private readonly context: RpcContext,
    private readonly queue: SerialQueue,
    private readonly logger?: Logger,
  ) {}

  /** Returns the response body, or null when the request held only notifications. */
  async handle(body: string): Promise<string | null> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return stringifyJson(
        errorResponse(null, new RpcError(RpcErrorCode.parseError, 'Parse error')),
      );
    }

    if (Array.isArray(parsed)) {
      if (parsed.length === 0) {
        return stringifyJson(errorResponse(null, invalidRequest()));
      }
      const responses: JsonValue[] = [];
      for (const request of parsed) {
        const response = await this.handleOne(request);
        if (response !== undefined) {
          responses.push(response);
        }
      }
      return responses.length === 0 ? null : stringifyJson(responses);
    }

    const response = await this.handleOne(parsed);
    return response === undefined ? null : stringifyJson(response);
  }

  private async handleOne(request: unknown): Promise<JsonValue | undefined> {
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      return errorResponse(null, invalidRequest());
    }
    const fields = request as Record<string, unknown>;
    const id = fields['id'];
    const isNotification = !('id' in fields);
    if (
      fields['jsonrpc'] !== '2.0' ||
      typeof fields['method'] !== 'string' ||
      !(isNotification || isRequestId(id))
    ) {
      return errorResponse(null, invalidRequest());
    }
    const requestId: RequestId = isRequestId(id) ? id : null;

    const method = fields['method'];
    const handler = Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
    if (handler === undefined) {
      return isNotification
        ? undefined
        : errorResponse(requestId, new RpcError(RpcErrorCode.methodNotFound, 'Method not found'));
    }

    try {
      const result = await this.queue.run(async () => handler(fields['params'], this.context));
      return isNotification ? undefined : { jsonrpc: '2.0', result, id: requestId };
    } catch (error) {
      if (error instanceof RpcError) {
        return isNotification ? undefined : errorResponse(requestId, error);
      }
      this.logger?.error({ err: error, method }, 'RPC method failed');
      const internal = new RpcError(RpcErrorCode.internalError, 'Internal error');
      return isNotification ? undefined : errorResponse(requestId, internal);
    }
  }
}

function isRequestId(value: unknown): value is RequestId {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

function invalidRequest(): RpcError {
  return new RpcError(RpcErrorCode.invalidRequest, 'Invalid request');
}

function errorResponse(id: RequestId, error: RpcError): JsonValue {
  return { jsonrpc: '2.0', error: error.toJson(), id };
}
