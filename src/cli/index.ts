import { readFile, stat } from 'node:fs/promises';

import { ChainService, createClusterConfig } from '../main/chain';
import { createRootLogger } from '../main/logging';
import { errorText, isWalletError } from '../shared/errors';
import { parseCliArguments, usage, UsageError, type CliCommand } from './arguments';
import { readTransactionFileBytes } from '../shared/text/transaction-file-reading';
import { formatReviewText, readReviewReport } from './review-command';
import { formatStakeAccountsText, readStakeAccountsReport } from './stake-accounts-command';
import { formatValidatorsText, readValidatorsReport } from './validators-command';

/** Exit status of a command line the CLI could not parse. */
const EXIT_USAGE = 2;
/** Exit status of a read that failed, for example an endpoint that does not answer. */
const EXIT_FAILURE = 1;

/** Runs one command and returns the text for standard output. */
async function run(command: Exclude<CliCommand, { kind: 'help' }>): Promise<string> {
  const logger = createRootLogger({ level: command.verbose ? 'info' : 'silent' });
  if (command.kind === 'review') {
    const text = await readSource(command.source);
    const chain =
      command.url === undefined
        ? null
        : {
            url: command.url,
            service: new ChainService({
              cluster: createClusterConfig('custom', [command.url]),
              logger,
            }),
          };
    const report = await readReviewReport({
      source: command.source,
      text,
      signer: command.signer,
      appVersion: command.appVersion,
      chain,
      logger,
    });
    return command.json ? toJson(report) : formatReviewText(report);
  }
  // The CLI talks to one endpoint, whatever cluster it serves.
  const chain = new ChainService({ cluster: createClusterConfig('custom', [command.url]), logger });

  switch (command.kind) {
    case 'stake-accounts': {
      const report = await readStakeAccountsReport(
        chain,
        command.url,
        command.authorities,
        command.rewardEpochs,
        logger,
      );
      return command.json ? toJson(report) : formatStakeAccountsText(report);
    }
    case 'validators': {
      const report = await readValidatorsReport(chain, command.url);
      return command.json ? toJson(report) : formatValidatorsText(report);
    }
  }
}

/** Largest input read, well above any transaction file, so a wrong path fails fast. */
const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Reads the review input as text: an exported transaction file as it is, base64 or base58
 * text trimmed, and a raw binary transaction as base64, as the Review page does.
 */
async function readSource(source: string): Promise<string> {
  const bytes = source === '-' ? await readStandardInput() : await readInputFile(source);
  const name = source === '-' ? 'Standard input' : `"${source}"`;
  const asText = bytes.toString('utf8');
  if (asText.trimStart().startsWith('{')) {
    return asText;
  }
  const reading = readTransactionFileBytes(name, bytes);
  if (reading.kind === 'problem') {
    throw new UsageError(reading.message);
  }
  return reading.text;
}

async function readStandardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) {
      throw new UsageError('Standard input is larger than 1 MiB. Pass one transaction.');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readInputFile(source: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(source);
  } catch (error) {
    throw new UsageError(`Cannot read "${source}": ${describeFsError(error)}. Check the path.`);
  }
  if (!info.isFile()) {
    throw new UsageError(`"${source}" is not a file. Pass a file path, or - for standard input.`);
  }
  if (info.size > MAX_INPUT_BYTES) {
    throw new UsageError(`"${source}" is larger than 1 MiB. Pass one transaction.`);
  }
  return readFile(source);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EACCES'
      ? 'permission denied'
      : String(error);
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A failure as the CLI reports it: what went wrong, what to do, and the exit status. */
interface Failure {
  /** The WalletError code, "USAGE" for a command line that could not be parsed, or null. */
  code: string | null;
  message: string;
  nextStep: string | null;
  status: number;
}

/** Turns a failure into its message, next step and exit status. */
function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError) {
    return {
      code: 'USAGE',
      message: error.message,
      nextStep: 'Run with --help for the usage.',
      status: EXIT_USAGE,
    };
  }
  if (isWalletError(error)) {
    // The app's next steps point to its Settings page, which the CLI does not have.
    const nextStep = error.code.startsWith('RPC_')
      ? 'Check that --url is a Solana JSON-RPC endpoint that this machine can reach.'
      : errorText[error.code].nextStep;
    return { code: error.code, message: error.message, nextStep, status: EXIT_FAILURE };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: null, message, nextStep: null, status: EXIT_FAILURE };
}

/** Formats a failure for standard error: JSON when the command line asked for JSON. */
function formatFailure(failure: Failure, json: boolean): string {
  if (json) {
    const { code, message, nextStep } = failure;
    return toJson({ error: { code, message, nextStep } });
  }
  // Usage messages end with their own full stop; a WalletError message is followed by its code.
  const head =
    failure.code === null || failure.code === 'USAGE'
      ? `Error: ${failure.message}`
      : `Error: ${failure.message} (${failure.code}).`;
  const next = failure.nextStep === null ? '' : `${failure.nextStep}\n`;
  return `${head}\n${next}`;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCliArguments(argv);
    if (command.kind === 'help') {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    process.stdout.write(await run(command));
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    // Read from the raw arguments, because a command line that fails to parse has no command.
    process.stderr.write(formatFailure(failure, argv.includes('--json')));
    return failure.status;
  }
}

void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
