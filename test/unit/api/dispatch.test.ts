import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { dispatchCall } from '../../../src/main/api/dispatch';
import type { Handlers } from '../../../src/main/api/handlers';
import { contract, methodNames, type MethodName } from '../../../src/shared/contract';
import { validInputs } from '../../support/api/valid-inputs';

const silent = pino({ level: 'silent' });

/** Handlers that only record that they ran; the bridge must stop bad input before them. */
function recordingHandlers() {
  const calls: MethodName[] = [];
  const handlers = Object.fromEntries(
    methodNames.map((name) => [
      name,
      () => {
        calls.push(name);
        return Promise.reject(new Error('recording handler ran'));
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

function context() {
  return { signal: new AbortController().signal };
}

/** Values of another JSON kind than the sample's, so a schema must reject each of them. */
function wrongKindsFor(sample: unknown): unknown[] {
  if (typeof sample === 'string') return [42, null, {}, [], true];
  if (typeof sample === 'number') return ['1', null, {}, [], true];
  if (typeof sample === 'boolean') return ['true', 0, null, {}];
  if (Array.isArray(sample)) return [{}, 'x', 1, null];
  if (typeof sample === 'object' && sample !== null) return ['x', 1, [], null, true];
  return ['x', 1, {}, []];
}

const nonObjects: unknown[] = [null, undefined, 42, 'text', true, [], [{}]];

describe('dispatchCall', () => {
  describe.each(methodNames)('%s', (method) => {
    const sample = validInputs[method] as Record<string, unknown>;

    it.each(nonObjects.map((value) => [JSON.stringify(value) ?? 'undefined', value]))(
      'rejects non-object input %s',
      async (_label, value) => {
        const { handlers, calls } = recordingHandlers();
        const result = await dispatchCall(handlers, silent, method, value, context());
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error.code).toBe('INVALID_REQUEST');
        expect(calls).toEqual([]);
      },
    );

    it('rejects unknown fields', async () => {
      const { handlers, calls } = recordingHandlers();
      const result = await dispatchCall(
        handlers,
        silent,
        method,
        { ...sample, unexpectedField: 1 },
        context(),
      );
      expect(!result.ok && result.error.code).toBe('INVALID_REQUEST');
      expect(calls).toEqual([]);
    });

    it.each(Object.keys(sample))('rejects field %s of the wrong kind', async (field) => {
      for (const wrong of wrongKindsFor(sample[field])) {
        const { handlers, calls } = recordingHandlers();
        const input = { ...sample, [field]: wrong };
        const result = await dispatchCall(handlers, silent, method, input, context());
        expect(!result.ok && result.error.code, `${field} = ${JSON.stringify(wrong)}`).toBe(
          'INVALID_REQUEST',
        );
        expect(calls).toEqual([]);
      }
    });

    it('passes a valid input to its handler', async () => {
      const { handlers, calls } = recordingHandlers();
      await dispatchCall(handlers, silent, method, sample, context());
      expect(calls).toEqual([method]);
    });

    it('has a sample input the contract accepts', () => {
      expect(contract[method].input.safeParse(sample).success).toBe(true);
    });
  });

  it('rejects names outside the contract', async () => {
    const { handlers, calls } = recordingHandlers();
    for (const name of ['constructor', '__proto__', 'toString', 'nope', 42, null]) {
      const result = await dispatchCall(handlers, silent, name, {}, context());
      expect(!result.ok && result.error.code).toBe('UNKNOWN_METHOD');
    }
    expect(calls).toEqual([]);
  });

  it('reports a handler value outside the contract', async () => {
    const { handlers } = recordingHandlers();
    handlers.getAppInfo = () => Promise.resolve({ version: 7 } as never);
    const result = await dispatchCall(handlers, silent, 'getAppInfo', {}, context());
    expect(!result.ok && result.error.code).toBe('INVALID_RESPONSE');
  });

  it('hides unexpected handler errors behind INTERNAL', async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatchCall(handlers, silent, 'getAppInfo', {}, context());
    expect(!result.ok && result.error.code).toBe('INTERNAL');
    expect(!result.ok && result.error.message).not.toContain('recording handler ran');
  });
});
