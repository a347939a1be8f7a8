import { describe, expect, it } from 'vitest';

import { genesisHash, hashAuditLine, verifyAuditChain } from '../../../src/main/store';

const firstLine = JSON.stringify({
  v: 1,
  seq: 0,
  prevHash: genesisHash,
  entry: {
    kind: 'statusUpdate',
    time: '2025-01-01T00:00:00.000Z',
    refersTo: 0,
    sendStatus: 'sent',
    slot: null,
    reason: null,
  },
});

describe('verifyAuditChain', () => {
  it('accepts an empty log without a head', () => {
    const result = verifyAuditChain('', { kind: 'missing' });
    expect(result).toMatchObject({ ok: true, lines: [], lastHash: genesisHash });
  });

  it('rejects a status update that refers to no request', () => {
    const head = { count: 1, lastHash: hashAuditLine(firstLine) };
    const result = verifyAuditChain(`${firstLine}\n`, { kind: 'present', head });
    expect(result).toMatchObject({ ok: false, chainBreak: { line: 1, reason: 'invalidEntry' } });
  });

  it('reports a damaged head without a line', () => {
    const result = verifyAuditChain('', { kind: 'damaged', detail: 'not JSON' });
    expect(result).toMatchObject({ ok: false, chainBreak: { line: null, reason: 'headDamaged' } });
  });

  it('reports a log deleted while its head remains', () => {
    const head = { count: 3, lastHash: 'ab'.repeat(32) };
    const result = verifyAuditChain('', { kind: 'present', head });
    expect(result).toMatchObject({ ok: false, chainBreak: { line: 1, reason: 'truncated' } });
  });

  it('reports garbage on the first line', () => {
    const result = verifyAuditChain('garbage\n', { kind: 'missing' });
    expect(result).toMatchObject({ ok: false, chainBreak: { line: 1, reason: 'unparseable' } });
  });
});
