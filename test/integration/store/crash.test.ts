import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StoreService } from '../../../src/main/store';
import { createDataFolder, silentLogger } from './fixtures';

const kills = 100;

/** What the child acknowledged before it died. */
interface Acknowledged {
  signed: Set<string>;
  finalized: Set<string>;
  removing: Set<string>;
  lastAuditSeq: number;
}

let workFolder: Awaited<ReturnType<typeof createDataFolder>>;
let childScript: string;

beforeAll(async () => {
  workFolder = await createDataFolder();
  childScript = join(workFolder.directory, 'crash-writer.cjs');
  // One bundled file starts several times faster than going through tsx on every spawn.
  await build({
    entryPoints: [join(__dirname, 'crash-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childScript,
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await workFolder.remove();
});

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * Runs the writer until it has printed `linesBeforeKill` lines, then kills it with SIGKILL
 * after `killDelayMs`. The delay spreads the kills over every step of a write instead of
 * landing just after a report; no result depends on it. Lines already in the pipe when
 * the kill lands are still counted: they were acknowledged.
 */
async function runAndKill(
  directory: string,
  seed: number,
  linesBeforeKill: number,
  killDelayMs: number,
  acknowledged: Acknowledged,
): Promise<void> {
  const child = spawn(process.execPath, [childScript, directory, String(seed)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  let seen = 0;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    recordLine(line, acknowledged);
    seen += 1;
    if (seen === linesBeforeKill) {
      setTimeout(() => child.kill('SIGKILL'), killDelayMs);
    }
  });

  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  expect(signal, `writer exited with code ${code} instead of being killed: ${stderr}`).toBe(
    'SIGKILL',
  );
}

function recordLine(line: string, acknowledged: Acknowledged): void {
  const [kind, value] = line.split(' ');
  if (kind === undefined || value === undefined) {
    return;
  }
  switch (kind) {
    case 'signed':
      acknowledged.signed.add(value);
      break;
    case 'finalized':
      acknowledged.finalized.add(value);
      break;
    case 'removing':
      acknowledged.removing.add(value);
      break;
    case 'audit':
      acknowledged.lastAuditSeq = Number(value);
      break;
  }
}

describe('store killed with SIGKILL', () => {
  it('loads cleanly and keeps every signed transaction', async () => {
    const data = await createDataFolder();
    const seed = Date.now() % 1_000_000;
    const random = createRandom(seed);
    const acknowledged: Acknowledged = {
      signed: new Set(),
      finalized: new Set(),
      removing: new Set(),
      lastAuditSeq: -1,
    };

    try {
      for (let kill = 0; kill < kills; kill += 1) {
        const context = `seed ${seed}, kill ${kill}`;
        const linesBeforeKill = 1 + Math.floor(random() * 16);
        const killDelayMs = random() * 10;
        await runAndKill(data.directory, seed + kill, linesBeforeKill, killDelayMs, acknowledged);

        const store = new StoreService({ directory: data.directory, logger: silentLogger });
        const report = await store.open();

        const damage = report.events.filter((event) => event.type !== 'pendingTransactionRestored');
        expect(damage, context).toEqual([]);
        expect(report.auditChainBreak, context).toBeNull();

        const records = new Map(store.pending.list().map((record) => [record.id, record]));
        for (const id of acknowledged.signed) {
          if (acknowledged.removing.has(id)) {
            continue;
          }
          const record = records.get(id);
          expect(record, `${context}: signed transaction ${id} lost`).toBeDefined();
          expect(['signed', 'sent', 'finalized'], context).toContain(record?.status.kind);
          if (acknowledged.finalized.has(id)) {
            expect(record?.status.kind, context).toBe('finalized');
          }
        }

        const audit = await store.audit.verify();
        expect(audit.chainBreak, context).toBeNull();
        expect(audit.lines.length, context).toBeGreaterThan(acknowledged.lastAuditSeq);
        await store.close();
      }
    } finally {
      await data.remove();
    }

    // The loop must have exercised real work, not only kills during start-up.
    expect(acknowledged.signed.size).toBeGreaterThan(kills / 2);
    expect(acknowledged.removing.size).toBeGreaterThan(0);
  }, 240_000);
});
