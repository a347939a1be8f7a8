import { describe, expect, it } from 'vitest';

import { DEFAULT_APP_VERSION, parseCliArguments, UsageError } from '../../../src/cli/arguments';
import { formatTable } from '../../../src/cli/text-format';

const url = 'http://127.0.0.1:8899';
const authority = '2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH';

function usageErrorOf(argv: string[]): string {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return error.message;
    }
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCliArguments', () => {
  it('reads stake-accounts options', () => {
    const command = parseCliArguments([
      'stake-accounts',
      '--url',
      url,
      '--authority',
      authority,
      '--authority',
      authority,
      '--reward-epochs',
      '3',
      '--json',
    ]);

    expect(command).toEqual({
      kind: 'stake-accounts',
      url,
      authorities: [authority],
      rewardEpochs: 3,
      json: true,
      verbose: false,
    });
  });

  it('defaults to five reward epochs and text', () => {
    const command = parseCliArguments(['stake-accounts', '--url', url, '--authority', authority]);

    expect(command).toMatchObject({ kind: 'stake-accounts', rewardEpochs: 5 });
    expect(command).toMatchObject({ json: false });
  });

  it('reads validators options', () => {
    expect(parseCliArguments(['validators', '--url', url, '--verbose'])).toEqual({
      kind: 'validators',
      url,
      json: false,
      verbose: true,
    });
  });

  it('parses review', () => {
    expect(
      parseCliArguments(['review', 'tx.b64', '--signer', authority, '--app-version', '1.9.2']),
    ).toEqual({
      kind: 'review',
      source: 'tx.b64',
      signer: authority,
      appVersion: '1.9.2',
      url: undefined,
      json: false,
      verbose: false,
    });
  });

  it('defaults the review app version', () => {
    expect(parseCliArguments(['review', '-', '--url', url, '--json'])).toMatchObject({
      kind: 'review',
      source: '-',
      appVersion: DEFAULT_APP_VERSION,
      url,
      json: true,
    });
  });

  it('returns help', () => {
    expect(parseCliArguments(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['stake-accounts', '--url', url, '--authority', authority, '--reward-epochs', '0'], '1 to 10'],
    [['stake-accounts', '--url', url, '--authority', authority, '--reward-epochs', '2.5'], '2.5'],
    [['stake-accounts', '--url', 'not a url', '--authority', authority], 'not a valid URL'],
    [['validators', '--url'], 'argument missing'],
    [['validators', '--url', url, 'extra'], 'Unexpected argument "extra"'],
    [['bogus'], 'Unknown command "bogus"'],
    [['bogus', '--url', url], 'Unknown command "bogus"'],
    [['review'], 'review needs a file'],
    [['review', 'a', 'b'], 'review takes one file'],
    [['review', 'a', '--authority', authority], 'review takes no --authority'],
    [['review', 'a', '--signer', 'nope'], '--signer "nope" is not a base-58 public key'],
    [['review', 'a', '--app-version', 'v2'], '--app-version "v2" is invalid'],
    [['review', 'a', '--url', 'ftp://x'], 'must start with http://'],
    [['validators', '--url', url, '--signer', authority], 'validators takes no --signer'],
  ])('rejects %j', (argv, message) => {
    expect(usageErrorOf(argv)).toContain(message);
  });
});

describe('formatTable', () => {
  it('pads columns and aligns numbers right', () => {
    const lines = formatTable(
      [
        { title: 'Name', value: (row: { name: string; stake: string }) => row.name },
        { title: 'Stake', value: (row) => row.stake, align: 'right' },
      ],
      [
        { name: 'Aurora', stake: '5' },
        { name: 'B', stake: '150' },
      ],
    );

    expect(lines).toEqual(['Name    Stake', 'Aurora      5', 'B         150']);
  });
});
