import { ChainService, createClusterConfig } from '../main/chain';
import { createRootLogger } from '../main/logging';
import { errorText, isWalletError } from '../shared/errors';
import { parseCliArguments, usage, UsageError, type CliCommand } from './arguments';
import { formatStakeAccountsText, readStakeAccountsReport } from './stake-accounts-command';
import { formatValidatorsText, readValidatorsReport } from './validators-command';

/** Exit status of a command line the CLI could not parse. */
const EXIT_USAGE = 2;
/** Exit status of a read that failed, for example an endpoint that does not answer. */
const EXIT_FAILURE = 1;

/** Runs one command and returns the text for standard output. */
async function run(command: Exclude<CliCommand, { kind: 'help' }>): Promise<string> {
  const logger = createRootLogger({ level: command.verbose ? 'info' : 'silent' });
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

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Turns a failure into the lines for standard error and the exit status. */
function describeFailure(error: unknown): { text: string; status: number } {
  if (error instanceof UsageError) {
    return {
      text: `Error: ${error.message}\nRun with --help for the usage.\n`,
      status: EXIT_USAGE,
    };
  }
  if (isWalletError(error)) {
    // The app's next steps point to its Settings page, which the CLI does not have.
    const nextStep = error.code.startsWith('RPC_')
      ? 'Check that --url is a Solana JSON-RPC endpoint that this machine can reach.'
      : errorText[error.code].nextStep;
    return {
      text: `Error: ${error.message} (${error.code}).\n${nextStep}\n`,
      status: EXIT_FAILURE,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { text: `Error: ${message}\n`, status: EXIT_FAILURE };
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
    process.stderr.write(failure.text);
    return failure.status;
  }
}

void main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
