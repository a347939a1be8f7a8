import { z } from 'zod';

const requestContext = z.object({ endpoint: z.string(), method: z.string() });

/** Error codes of the chain layer: RPC access, account decoding and stake data. */
export const chainErrorContexts = {
  /** Every endpoint of the cluster failed for one request; lastCode is the final failure. */
  RPC_UNAVAILABLE: z.object({
    method: z.string(),
    endpointsTried: z.array(z.string()),
    lastCode: z.string().nullable(),
  }),
  RPC_RATE_LIMITED: requestContext.extend({ retryAfterMs: z.number().nullable() }),
  RPC_TIMEOUT: requestContext.extend({ timeoutMs: z.number() }),
  /** Any HTTP status other than 200 and 429, such as 500 or 503. */
  RPC_HTTP_ERROR: requestContext.extend({ status: z.number() }),
  /** The connection failed before an HTTP status arrived: refused, reset, DNS. */
  RPC_NETWORK_ERROR: requestContext.extend({ reason: z.string() }),
  /** The body was not JSON, was cut short, or did not have the expected shape. */
  RPC_INVALID_RESPONSE: requestContext.extend({ reason: z.string() }),
  /** The node returned a JSON-RPC error object, such as "Method not found". */
  RPC_METHOD_ERROR: requestContext.extend({ rpcCode: z.number(), rpcMessage: z.string() }),
  RPC_ENDPOINT_INVALID: z.object({ url: z.string(), reason: z.string() }),
  /** An endpoint returned older or emptier data than another endpoint of the cluster. */
  RPC_ENDPOINT_LAGGING: z.object({
    endpoint: z.string(),
    slot: z.number().nullable(),
    referenceEndpoint: z.string(),
    referenceSlot: z.number().nullable(),
  }),
  ACCOUNT_DECODE_FAILED: z.object({
    address: z.string().nullable(),
    layout: z.string(),
    reason: z.string(),
  }),
  /** A refresh could not confirm known stake accounts, so the last known values are shown. */
  STAKE_ACCOUNTS_STALE: z.object({
    staleCount: z.number(),
    lastFetchedAt: z.string().nullable(),
  }),
};

export const chainErrorText = {
  RPC_UNAVAILABLE: {
    title: 'No Solana RPC endpoint could be reached',
    nextStep: 'Check your internet connection, or add another RPC endpoint in Settings.',
  },
  RPC_RATE_LIMITED: {
    title: 'The RPC endpoint is limiting requests',
    nextStep: 'Wait a minute and refresh, or add another RPC endpoint in Settings.',
  },
  RPC_TIMEOUT: {
    title: 'The RPC endpoint did not answer in time',
    nextStep: 'Refresh again; if it keeps timing out, choose another RPC endpoint.',
  },
  RPC_HTTP_ERROR: {
    title: 'The RPC endpoint returned an HTTP error',
    nextStep: 'Refresh again later, or choose another RPC endpoint.',
  },
  RPC_NETWORK_ERROR: {
    title: 'The connection to the RPC endpoint failed',
    nextStep: 'Check your internet connection and the endpoint address.',
  },
  RPC_INVALID_RESPONSE: {
    title: 'The RPC endpoint returned data the app cannot read',
    nextStep: 'Choose another RPC endpoint; this one may be misconfigured.',
  },
  RPC_METHOD_ERROR: {
    title: 'The RPC endpoint rejected the request',
    nextStep: 'Choose another RPC endpoint; this one may not support the request.',
  },
  RPC_ENDPOINT_INVALID: {
    title: 'The RPC endpoint address is invalid',
    nextStep: 'Enter a full http:// or https:// address.',
  },
  RPC_ENDPOINT_LAGGING: {
    title: 'An RPC endpoint returned older data than another',
    nextStep: 'The newer data is shown. Consider removing the lagging endpoint.',
  },
  ACCOUNT_DECODE_FAILED: {
    title: 'An account holds data the app cannot read',
    nextStep: 'The account is left out of totals. Check it in a block explorer.',
  },
  STAKE_ACCOUNTS_STALE: {
    title: 'Some stake accounts could not be refreshed',
    nextStep: 'The last known values are shown with their age. Refresh again later.',
  },
} as const;
