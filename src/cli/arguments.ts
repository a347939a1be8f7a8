import { parseArgs } from 'node:util';

import { addressSchema } from '../shared/domain/chain';

/** Solana app version the device screens are predicted for when --app-version is absent. */
export const DEFAULT_APP_VERSION = '1.16.0';

export const usage = `Usage:
  npm run cli -- stake-accounts --url URL --authority ADDRESS [--authority ADDRESS ...]
                                [--reward-epochs N] [--json] [--verbose]
  npm run cli -- validators --url URL [--json] [--verbose]
  npm run cli -- review FILE|- [--signer ADDRESS] [--app-version VERSION] [--url URL]
                        [--json] [--verbose]

Reads stake accounts or validators from a Solana RPC endpoint, or reviews a transaction.
Nothing is signed or sent.

Commands:
  stake-accounts     stake accounts whose staker or withdrawer is one of the authorities:
                     state, effective, activating, deactivating and inactive stake,
                     withdrawable amount, voter, lockup and recent rewards
  validators         every vote account: name, commission, stake, delinquency,
                     superminority, vote credits, skip rate and estimated APY
  review             what a transaction does, read from its message bytes: every
                     instruction, the fee, warnings and the screens the Ledger will show.
                     FILE holds base64 or base58 (a transaction or a message, legacy or
                     v0) or a transaction file exported by the app; - reads standard input

Options:
  --url URL          JSON-RPC endpoint (http:// or https://)
  --authority ADDR   base-58 public key of a staker or withdrawer; repeat for several keys
  --reward-epochs N  completed epochs whose rewards are read, 1 to 10 (default 5)
  --signer ADDR      review: the required signer the Ledger signs for (default: the
                     signer named in a transaction file, else the fee payer)
  --app-version V    review: the Solana app version on the Ledger, such as 1.9.2
                     (default ${DEFAULT_APP_VERSION})
  --url URL          review, optional: read validator warnings and lookup tables from it
  --json             print JSON with lamports as decimal strings instead of text in SOL
  --verbose          log requests and retries to standard error
  --help             print this text`;

export type CliCommand =
  | {
      kind: 'stake-accounts';
      url: string;
      authorities: string[];
      rewardEpochs: number;
      json: boolean;
      verbose: boolean;
    }
  | { kind: 'validators'; url: string; json: boolean; verbose: boolean }
  | {
      kind: 'review';
      /** A file path, or "-" for standard input. */
      source: string;
      signer: string | undefined;
      appVersion: string;
      url: string | undefined;
      json: boolean;
      verbose: boolean;
    }
  | { kind: 'help' };

/** A command line the CLI cannot run; the message names what was wrong and what to pass. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DEFAULT_REWARD_EPOCHS = 5;
const MAX_REWARD_EPOCHS = 10;

/**
 * Parses the arguments after `npm run cli --`.
 *
 * @throws UsageError for an unknown command or option, or a missing or invalid value.
 */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        authority: { type: 'string', multiple: true },
        'reward-epochs': { type: 'string' },
        signer: { type: 'string' },
        'app-version': { type: 'string' },
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }

  const { values, positionals } = parsed;
  if (values.help === true) {
    return { kind: 'help' };
  }
  const [command, ...extra] = positionals;
  if (command === undefined) {
    throw new UsageError('No command given. Pass stake-accounts, validators or review.');
  }
  if (command === 'review') {
    return readReviewCommand(values, extra);
  }
  if (values.signer !== undefined || values['app-version'] !== undefined) {
    throw new UsageError(`${command} takes no --signer or --app-version. Use review for those.`);
  }
  if (extra.length > 0) {
    throw new UsageError(
      `Unexpected argument "${extra[0]}". Options start with --, for example --url.`,
    );
  }

  if (command !== 'stake-accounts' && command !== 'validators') {
    throw new UsageError(
      `Unknown command "${command}". Pass stake-accounts, validators or review.`,
    );
  }

  const url = readUrl(values.url);
  const json = values.json === true;
  const verbose = values.verbose === true;
  switch (command) {
    case 'stake-accounts':
      return {
        kind: 'stake-accounts',
        url,
        authorities: readAuthorities(values.authority),
        rewardEpochs: readRewardEpochs(values['reward-epochs']),
        json,
        verbose,
      };
    case 'validators':
      if (values.authority !== undefined || values['reward-epochs'] !== undefined) {
        throw new UsageError(
          'validators takes no --authority or --reward-epochs. Use stake-accounts for those.',
        );
      }
      return { kind: 'validators', url, json, verbose };
  }
}

interface ReviewValues {
  url?: string | undefined;
  authority?: string[] | undefined;
  'reward-epochs'?: string | undefined;
  signer?: string | undefined;
  'app-version'?: string | undefined;
  json?: boolean | undefined;
  verbose?: boolean | undefined;
}

function readReviewCommand(values: ReviewValues, files: string[]): CliCommand {
  const [source, ...extra] = files;
  if (source === undefined) {
    throw new UsageError('review needs a file. Pass a path, or - to read standard input.');
  }
  if (extra.length > 0) {
    throw new UsageError(`Unexpected argument "${extra[0]}". review takes one file.`);
  }
  if (values.authority !== undefined || values['reward-epochs'] !== undefined) {
    throw new UsageError('review takes no --authority or --reward-epochs.');
  }
  if (values.signer !== undefined && !addressSchema.safeParse(values.signer).success) {
    throw new UsageError(
      `--signer "${values.signer}" is not a base-58 public key. Pass 32 to 44 base-58 characters.`,
    );
  }
  const appVersion = values['app-version'] ?? DEFAULT_APP_VERSION;
  if (!/^\d+\.\d+(\.\d+)?$/.test(appVersion)) {
    throw new UsageError(
      `--app-version "${appVersion}" is invalid. Pass the version the Solana app shows, such as 1.9.2.`,
    );
  }
  return {
    kind: 'review',
    source,
    signer: values.signer,
    appVersion,
    url: values.url === undefined ? undefined : readUrl(values.url),
    json: values.json === true,
    verbose: values.verbose === true,
  };
}

function readUrl(value: string | undefined): string {
  if (value === undefined) {
    throw new UsageError(
      '--url is missing. Pass the JSON-RPC endpoint, for example --url http://127.0.0.1:8899.',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(
      `--url "${value}" is not a valid URL. Pass a full http:// or https:// address.`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`--url "${value}" must start with http:// or https://.`);
  }
  return value;
}

function readAuthorities(values: string[] | undefined): string[] {
  if (values === undefined || values.length === 0) {
    throw new UsageError(
      '--authority is missing. Pass the base-58 public key of the staker or withdrawer.',
    );
  }
  for (const value of values) {
    if (!addressSchema.safeParse(value).success) {
      throw new UsageError(
        `--authority "${value}" is not a base-58 public key. Pass 32 to 44 base-58 characters.`,
      );
    }
  }
  return [...new Set(values)];
}

function readRewardEpochs(value: string | undefined): number {
  if (value === undefined) {
    return DEFAULT_REWARD_EPOCHS;
  }
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < 1 || count > MAX_REWARD_EPOCHS) {
    throw new UsageError(
      `--reward-epochs "${value}" is invalid. Pass a whole number from 1 to ${MAX_REWARD_EPOCHS}.`,
    );
  }
  return count;
}

/** Rewords node:util parseArgs errors, which name the option but not the fix. */
function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `${message.split('.')[0]}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${message}. Options such as --url and --authority need a value after them.`;
    default:
      return message;
  }
}
