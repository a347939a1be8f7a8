import { z } from 'zod';

/** Error codes raised by the bridge itself, before or around any service call. */
export const apiErrorContexts = {
  INVALID_REQUEST: z.object({
    method: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
  UNKNOWN_METHOD: z.object({ method: z.string() }),
  FORBIDDEN_SENDER: z.object({ origin: z.string() }),
  INVALID_RESPONSE: z.object({ method: z.string() }),
  INTERNAL: z.object({ method: z.string() }),
  CANCELLED: z.object({}),
  EXTERNAL_URL_NOT_ALLOWED: z.object({ url: z.string() }),
  BRIDGE_DISCONNECTED: z.object({}),
  BRIDGE_TOKEN_REJECTED: z.object({}),
};

export const apiErrorText = {
  INVALID_REQUEST: {
    title: 'The request was invalid',
    nextStep: 'Check the values you entered and try again.',
  },
  UNKNOWN_METHOD: {
    title: 'The app asked for an action that does not exist',
    nextStep: 'Restart the app; if it happens again, report it.',
  },
  FORBIDDEN_SENDER: {
    title: 'A request came from a page that is not part of the app',
    nextStep: 'The request was ignored. Restart the app if this keeps happening.',
  },
  INVALID_RESPONSE: {
    title: 'The app produced an unexpected result',
    nextStep: 'Try again; if it happens again, report it with the activity log.',
  },
  INTERNAL: {
    title: 'Something went wrong inside the app',
    nextStep: 'Try again; if it happens again, restart the app and report it.',
  },
  CANCELLED: {
    title: 'The action was cancelled',
    nextStep: 'Start it again when you are ready.',
  },
  EXTERNAL_URL_NOT_ALLOWED: {
    title: 'That link is not a block explorer the app opens',
    nextStep: 'Copy the address or signature and look it up in an explorer you trust.',
  },
  BRIDGE_DISCONNECTED: {
    title: 'The page lost its connection to the app',
    nextStep: 'It reconnects by itself; if it does not, restart the demo and open its new address.',
  },
  BRIDGE_TOKEN_REJECTED: {
    title: 'This page has no valid access token for the app',
    nextStep: 'Open the full address that `npm run demo` printed; it carries this run’s token.',
  },
} as const;
