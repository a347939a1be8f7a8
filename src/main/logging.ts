import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Field paths whose values must never reach a log: message and transaction bytes,
 * signatures over them, and anything that could be key material.
 */
const redactedPaths = [
  'message',
  'messageBytes',
  'transaction',
  'transactionBytes',
  'signedTransaction',
  'serialized',
  'apdu',
  'mnemonic',
  'seed',
  'secretKey',
  'privateKey',
  'token',
  '*.message',
  '*.messageBytes',
  '*.transaction',
  '*.transactionBytes',
  '*.signedTransaction',
  '*.serialized',
  '*.apdu',
  '*.mnemonic',
  '*.seed',
  '*.secretKey',
  '*.privateKey',
  '*.token',
];

export interface LoggerOptions {
  level?: pino.LevelWithSilent;
  /** Where lines go; standard error when absent. */
  destination?: pino.DestinationStream;
}

function resolveLevel(): pino.LevelWithSilent {
  const fromEnv = process.env['WALLET_LOG_LEVEL'];
  const levels: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (fromEnv !== undefined && levels.includes(fromEnv)) {
    return fromEnv as pino.LevelWithSilent;
  }
  return process.env['VITEST'] !== undefined ? 'silent' : 'info';
}

export function createRootLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? resolveLevel(),
      base: { app: 'ledger-stake-desk' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}

let rootLogger: Logger | undefined;

/** Returns the child logger of one subsystem (ledger, chain, stake, store, api, host). */
export function createLogger(subsystem: string): Logger {
  rootLogger ??= createRootLogger();
  return rootLogger.child({ subsystem });
}

/** Replaces the process-wide root logger, for hosts that choose their own destination. */
export function setRootLogger(logger: Logger): void {
  rootLogger = logger;
}
