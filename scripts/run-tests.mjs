// Runs every test runner of the project in turn and ends with one line that totals them:
// "N passed, N failed, N skipped". Exits non-zero when any test failed or a runner broke.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  process.stdout.write(`\n=== ${label}: ${command} ${args.join(' ')}\n`);
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (outcome.error !== undefined) {
    process.stdout.write(`${label} could not start: ${outcome.error.message}\n`);
  }
  return outcome.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const tallies = [];

function tally(name, exitCode, counts) {
  if (counts === undefined) {
    // A runner that produced no report counts as one failure, so it cannot pass silently.
    tallies.push({
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `no report, exit code ${exitCode}`,
    });
    return;
  }
  const broken = exitCode !== 0 && counts.failed === 0;
  tallies.push({
    ...counts,
    name,
    failed: counts.failed + (broken ? 1 : 0),
    note: broken ? `exit code ${exitCode}` : '',
  });
}

const buildExit = run('build', bin('electron-vite'), ['build']);
tally('build', buildExit, {
  passed: buildExit === 0 ? 1 : 0,
  failed: buildExit === 0 ? 0 : 1,
  skipped: 0,
});

const vitestReport = join(results, 'vitest.json');
const vitestExit = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
tally(
  'vitest',
  vitestExit,
  vitest && {
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  },
);

const scanExit = run('electronegativity', process.execPath, [
  join(root, 'scripts/security-scan.cjs'),
]);
tally('electronegativity', scanExit, {
  passed: scanExit === 0 ? 1 : 0,
  failed: scanExit === 0 ? 0 : 1,
  skipped: 0,
});

const playwrightReport = join(results, 'playwright.json');
const playwrightExit = run('playwright', bin('playwright'), ['test']);
const playwright = readJson(playwrightReport);
tally(
  'playwright',
  playwrightExit,
  playwright && {
    passed: playwright.stats.expected + playwright.stats.flaky,
    failed: playwright.stats.unexpected,
    skipped: playwright.stats.skipped,
  },
);
for (const reason of skipReasons(playwright)) {
  process.stdout.write(`skipped: ${reason}\n`);
}

function skipReasons(report) {
  const reasons = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const skip = (test.annotations ?? []).find(
          (note) => note.type === 'skip' || note.type === 'fixme',
        );
        if (test.status === 'skipped') {
          reasons.push(`${spec.title}: ${skip?.description ?? 'no reason given'}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return reasons;
}

process.stdout.write('\n');
for (const item of tallies) {
  process.stdout.write(
    `${item.name}: ${item.passed} passed, ${item.failed} failed, ${item.skipped} skipped${item.note ? ` (${item.note})` : ''}\n`,
  );
}
const total = (key) => tallies.reduce((sum, item) => sum + item[key], 0);
process.stdout.write(
  `${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped\n`,
);
process.exit(total('failed') === 0 ? 0 : 1);
