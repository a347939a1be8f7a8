// Scans the sources with Electronegativity and fails on any finding. A finding that is
// accepted carries an `eng-disable CHECK` comment with its reason at its place.
const path = require('node:path');
const run = require('@doyensec/electronegativity');

const root = path.resolve(__dirname, '..');

async function main() {
  const result = await run({
    input: path.join(root, 'src'),
    electronVersionOverride: require('electron/package.json').version,
    parserPlugins: [],
  });
  const findings = result.issues ?? [];
  for (const issue of findings) {
    const where = issue.file === 'N/A' ? 'whole project' : path.relative(root, issue.file);
    process.stdout.write(
      `finding ${issue.id} (${issue.severity.name}) at ${where}:${issue.location.line}: ${issue.description}\n`,
    );
  }
  const checks = result.globalChecks + result.atomicChecks;
  process.stdout.write(
    `electronegativity: ${checks} checks over src, ${findings.length} findings, ${result.errors.length} files it could not parse\n`,
  );
  for (const error of result.errors) {
    process.stdout.write(
      `could not parse ${path.relative(root, error.file)}: ${error.message ?? error.error}\n`,
    );
  }
  process.exitCode = findings.length === 0 && result.errors.length === 0 ? 0 : 1;
}

main().catch((error) => {
  process.stderr.write(`electronegativity failed to run: ${error.stack ?? error}\n`);
  process.exitCode = 2;
});
