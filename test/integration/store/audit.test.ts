import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { formatAuditCsv, StoreService } from '../../../src/main/store';
import {
  createCapturedLogger,
  createDataFolder,
  createSignatureRequest,
  silentLogger,
} from './fixtures';

let folder: Awaited<ReturnType<typeof createDataFolder>>;

beforeEach(async () => {
  folder = await createDataFolder();
});

afterEach(async () => {
  await folder.remove();
});

const logPath = () => join(folder.directory, 'audit', 'audit.jsonl');
const headPath = () => join(folder.directory, 'audit', 'audit-head.json');

async function openStore(logger = silentLogger) {
  const store = new StoreService({ directory: folder.directory, logger });
  const report = await store.open();
  return { store, report };
}

/** Writes five signature requests and one status update: six lines. */
async function writeSixLines(): Promise<void> {
  const { store } = await openStore();
  for (let request = 0; request < 5; request += 1) {
    await store.audit.appendSignatureRequest(createSignatureRequest({ slot: request }));
  }
  await store.audit.appendStatusUpdate({
    refersTo: 2,
    sendStatus: 'finalized',
    slot: 99,
    reason: null,
  });
  await store.close();
}

async function readLines(): Promise<string[]> {
  return (await readFile(logPath(), 'utf8')).split('\n').slice(0, -1);
}

async function writeLines(lines: string[]): Promise<void> {
  await writeFile(logPath(), lines.map((line) => `${line}\n`).join(''));
}

describe('audit log', () => {
  it('verifies after reopen and refers updates to requests', async () => {
    await writeSixLines();
    const { store, report } = await openStore();
    expect(report.auditChainBreak).toBeNull();

    const verified = await store.audit.verify();
    expect(verified.chainBreak).toBeNull();
    expect(verified.lines.map((line) => line.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(verified.lines[5]?.entry).toMatchObject({ kind: 'statusUpdate', refersTo: 2 });

    const next = await store.audit.appendSignatureRequest(createSignatureRequest());
    expect(next.seq).toBe(6);
    expect(JSON.parse(await readFile(headPath(), 'utf8'))).toMatchObject({
      schemaVersion: 1,
      data: { count: 7 },
    });
  });

  it('rejects a status update for an unknown request', async () => {
    await writeSixLines();
    const { store } = await openStore();
    for (const refersTo of [5, 42]) {
      await expect(
        store.audit.appendStatusUpdate({ refersTo, sendStatus: 'sent', slot: null, reason: null }),
      ).rejects.toMatchObject({ code: 'AUDIT_ENTRY_NOT_FOUND', context: { seq: refersTo } });
    }
    expect((await store.audit.verify()).lines).toHaveLength(6);
  });

  it('exports the verified lines as CSV', async () => {
    await writeSixLines();
    const { store } = await openStore();
    const csv = formatAuditCsv((await store.audit.verify()).lines);
    const rows = csv.split('\r\n').filter((row) => row !== '');
    expect(rows).toHaveLength(7);
    expect(rows[6]).toMatch(/^5,.*,statusUpdate,/);
  });
});

describe('audit log tampering', () => {
  const cases: {
    name: string;
    tamper: (lines: string[]) => string[];
    line: number | null;
    reason: string;
  }[] = [
    {
      name: 'an edited line',
      tamper: (lines) =>
        lines.map((line, i) => (i === 2 ? line.replace('approved', 'rejected') : line)),
      line: 4,
      reason: 'previousHashMismatch',
    },
    {
      name: 'an edited last line',
      tamper: (lines) =>
        lines.map((line, i) => (i === 5 ? line.replace('"slot":99', '"slot":98') : line)),
      line: 6,
      reason: 'headMismatch',
    },
    {
      name: 'a deleted line',
      tamper: (lines) => lines.filter((_, i) => i !== 2),
      line: 3,
      reason: 'previousHashMismatch',
    },
    {
      name: 'a deleted first line',
      tamper: (lines) => lines.slice(1),
      line: 1,
      reason: 'previousHashMismatch',
    },
    {
      name: 'two swapped lines',
      tamper: ([a, b, c, ...rest]) => [a, c, b, ...rest].filter((line) => line !== undefined),
      line: 2,
      reason: 'previousHashMismatch',
    },
    {
      name: 'a cut tail',
      tamper: (lines) => lines.slice(0, 4),
      line: 5,
      reason: 'truncated',
    },
    {
      name: 'a line appended behind the head and one more',
      tamper: (lines) => [...lines, lines[0] ?? '', lines[1] ?? ''],
      line: 7,
      reason: 'previousHashMismatch',
    },
  ];

  for (const { name, tamper, line, reason } of cases) {
    it(`finds ${name}`, async () => {
      await writeSixLines();
      await writeLines(tamper(await readLines()));

      const { report } = await openStore();
      expect(report.auditChainBreak).toMatchObject({ line, reason });
    });
  }

  it('finds chained lines added behind the head', async () => {
    await writeSixLines();
    const oldHead = await readFile(headPath(), 'utf8');
    const { store } = await openStore();
    await store.audit.appendSignatureRequest(createSignatureRequest());
    await store.audit.appendSignatureRequest(createSignatureRequest());
    await store.close();
    await writeFile(headPath(), oldHead);

    const { report } = await openStore();
    expect(report.auditChainBreak).toMatchObject({ line: 8, reason: 'linesAfterHead' });
  });

  it('reports a break from verify without touching the files', async () => {
    await writeSixLines();
    const { store } = await openStore();
    const tampered = (await readLines()).map((line, i) =>
      i === 1 ? line.replace('"slot":1', '"slot":7') : line,
    );
    await writeLines(tampered);

    const verified = await store.audit.verify();
    expect(verified.chainBreak).toMatchObject({ line: 3, reason: 'previousHashMismatch' });
    expect(verified.lines).toHaveLength(2);
    expect(await readLines()).toEqual(tampered);
  });

  it('finds a tail cut in the middle of a line', async () => {
    await writeSixLines();
    const text = await readFile(logPath(), 'utf8');
    await writeFile(logPath(), text.slice(0, text.length - 40));
    const { report } = await openStore();
    expect(report.auditChainBreak).toMatchObject({ line: 6, reason: 'truncated' });
    expect(report.auditChainBreak?.detail).toContain('partial line');
  });

  it('finds a deleted head file', async () => {
    await writeSixLines();
    await rm(headPath());
    const { report } = await openStore();
    expect(report.auditChainBreak).toMatchObject({ line: null, reason: 'headMissing' });
  });

  it('finds a damaged head file', async () => {
    await writeSixLines();
    await writeFile(headPath(), '{"schemaVersion":1,"data":{"count":');
    const { report } = await openStore();
    expect(report.auditChainBreak).toMatchObject({ line: null, reason: 'headDamaged' });
  });

  it('restarts the log after a break', async () => {
    await writeSixLines();
    const tampered = (await readLines()).filter((_, i) => i !== 3);
    await writeLines(tampered);

    const captured = createCapturedLogger();
    const { store, report } = await openStore(captured.logger);
    const event = report.events.find((candidate) => candidate.type === 'auditLogBroken');
    expect(event).toMatchObject({
      type: 'auditLogBroken',
      chainBreak: { line: 4, reason: 'previousHashMismatch' },
    });
    if (event?.type !== 'auditLogBroken') {
      return;
    }
    expect(event.setAsideAs).toMatch(/^audit\/audit\.jsonl\.corrupt-/);
    expect(await readFile(join(folder.directory, ...event.setAsideAs.split('/')), 'utf8')).toBe(
      tampered.map((line) => `${line}\n`).join(''),
    );
    expect(captured.records().some((record) => record['level'] === 50)).toBe(true);

    const fresh = await store.audit.verify();
    expect(fresh.chainBreak).toBeNull();
    expect(fresh.lines).toHaveLength(1);
    expect(fresh.lines[0]?.entry).toMatchObject({
      kind: 'logRestarted',
      previousLog: event.setAsideAs,
      chainBreak: { line: 4 },
    });
    await store.audit.appendSignatureRequest(createSignatureRequest());
    await store.close();

    const reopened = await openStore();
    expect(reopened.report.auditChainBreak).toBeNull();
    expect((await reopened.store.audit.verify()).lines).toHaveLength(2);
  });
});

describe('audit log after a crash', () => {
  it('accepts one line beyond the head and catches the head up', async () => {
    await writeSixLines();
    const oldHead = await readFile(headPath(), 'utf8');
    const { store } = await openStore();
    await store.audit.appendSignatureRequest(createSignatureRequest());
    await store.close();
    // As if the process died after the append, before the head was replaced.
    await writeFile(headPath(), oldHead);

    const reopened = await openStore();
    expect(reopened.report.auditChainBreak).toBeNull();
    expect(reopened.report.events).toEqual([]);
    expect(JSON.parse(await readFile(headPath(), 'utf8'))).toMatchObject({ data: { count: 7 } });
  });

  it('drops a partial line the head never recorded', async () => {
    await writeSixLines();
    const before = await readFile(logPath(), 'utf8');
    await writeFile(logPath(), `${before}{"v":1,"seq":6,"prevH`);

    const captured = createCapturedLogger();
    const { store, report } = await openStore(captured.logger);
    expect(report.auditChainBreak).toBeNull();
    expect(await readFile(logPath(), 'utf8')).toBe(before);
    expect(captured.records().some((record) => record['level'] === 40)).toBe(true);

    const next = await store.audit.appendSignatureRequest(createSignatureRequest());
    expect(next.seq).toBe(6);
    expect((await store.audit.verify()).chainBreak).toBeNull();
  });
});
