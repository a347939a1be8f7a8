import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const repositoryRoot = resolve(__dirname, '../../../..');
const cliPath = resolve(repositoryRoot, 'src/cli/index.ts');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in its own Node process, as `npm run cli` does, with optional standard input. */
export function runCli(args: readonly string[], input?: string): Promise<CliRun> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', cliPath, ...args],
      { cwd: repositoryRoot, timeout: 60_000 },
      (error, stdout, stderr) => {
        let status = 0;
        if (error !== null) {
          status = typeof error.code === 'number' ? error.code : -1;
        }
        done({ status, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? '');
  });
}
