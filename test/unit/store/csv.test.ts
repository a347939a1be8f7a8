import { describe, expect, it } from 'vitest';

import { formatAuditCsv, formatCsv, formatRewardsCsv, formatSol } from '../../../src/main/store';
import type { RewardEntry } from '../../../src/shared/domain/chain';
import type { AuditLine } from '../../../src/shared/domain/store';
import { WalletError } from '../../../src/shared/errors';

/** Minimal RFC 4180 reader used to check that the output reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else {
      field += char;
    }
  }
  return rows;
}

const stakeA = '7nYabs9dUhvxYwdTnrWVBL9MYviKSfrEbdWCUbcnwkpF';
const stakeB = 'GvZEwtCHZ7YtCkQCaLRVEXsyVTqkVGnqcCzBeTKCvL8s';

describe('formatCsv', () => {
  it('quotes commas, quotes and line breaks', () => {
    const text = formatCsv(['a', 'b', 'c', 'd'], [['x,y', 'say "hi"', 'two\nlines', 'cr\rhere']]);
    expect(text).toBe('a,b,c,d\r\n"x,y","say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it('leaves plain cells and numbers bare', () => {
    expect(formatCsv(['n', 'big', 'empty'], [[42, 18_446_744_073_709_551_615n, null]])).toBe(
      'n,big,empty\r\n42,18446744073709551615,\r\n',
    );
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    const cells = ['=SUM(A1)', '+1', '-2', '@cmd', '\tx'];
    const text = formatCsv(['a', 'b', 'c', 'd', 'e'], [cells]);
    expect(parseCsv(text)[1]).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx"]);
  });

  it('keeps negative numbers as numbers', () => {
    expect(formatCsv(['n'], [[-5]])).toBe('n\r\n-5\r\n');
  });

  it('reads back exactly what was written', () => {
    const awkward = ['', ' ', '"', '""', ',', 'x\r\ny', 'a"b,c\nd'];
    const parsed = parseCsv(
      formatCsv(
        awkward.map((_, i) => `h${i}`),
        [awkward],
      ),
    );
    expect(parsed[1]).toEqual(awkward);
  });
});

describe('formatAuditCsv', () => {
  const request: AuditLine = {
    v: 1,
    seq: 0,
    prevHash: '0'.repeat(64),
    entry: {
      kind: 'signatureRequest',
      time: '2025-01-01T00:00:00.000Z',
      cluster: 'devnet',
      account: stakeA,
      derivationPath: "44'/501'/0'/0'",
      messageSha256: 'ab'.repeat(32),
      pendingTransactionId: null,
      reviewSummary: ['Delegate 1 SOL, to "Validator, Inc."', '=HYPERLINK("x")'],
      deviceScreens: [{ title: 'Max fees', value: '0.000005 SOL' }],
      outcome: 'approved',
      errorCode: null,
      signature: null,
      sendStatus: 'notSent',
      slot: null,
    },
  };
  const update: AuditLine = {
    v: 1,
    seq: 1,
    prevHash: 'cd'.repeat(32),
    entry: {
      kind: 'statusUpdate',
      time: '2025-01-01T00:01:00.000Z',
      refersTo: 0,
      sendStatus: 'finalized',
      slot: 123,
      reason: null,
    },
  };

  it('writes one row per line with the summary intact', () => {
    const rows = parseCsv(formatAuditCsv([request, update]));
    expect(rows).toHaveLength(3);
    const header = rows[0] ?? [];
    const first = rows[1] ?? [];
    const second = rows[2] ?? [];
    expect(first[header.indexOf('review_summary')]).toBe(
      'Delegate 1 SOL, to "Validator, Inc."\n=HYPERLINK("x")',
    );
    expect(first[header.indexOf('device_screens')]).toBe('Max fees: 0.000005 SOL');
    expect(second[header.indexOf('refers_to')]).toBe('0');
    expect(second[header.indexOf('slot')]).toBe('123');
    expect(second[header.indexOf('kind')]).toBe('statusUpdate');
  });

  it('gives every row as many cells as the header', () => {
    const rows = parseCsv(formatAuditCsv([request, update]));
    for (const row of rows) {
      expect(row).toHaveLength(rows[0]?.length ?? 0);
    }
  });
});

describe('formatRewardsCsv', () => {
  const reward = (address: string, epoch: number, amount: string): RewardEntry => ({
    address,
    epoch,
    status: 'paid',
    amount,
    postBalance: '2000000000',
    effectiveSlot: epoch * 432_000,
    commission: 5,
  });

  it('sorts by account then epoch and converts lamports exactly', () => {
    const rows = parseCsv(
      formatRewardsCsv([
        reward(stakeB, 11, '1'),
        reward(stakeA, 12, '18446744073709551615'),
        reward(stakeA, 10, '1500000000'),
      ]),
    );
    expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[4]])).toEqual([
      [stakeA, '10', '1500000000', '1.500000000'],
      [stakeA, '12', '18446744073709551615', '18446744073.709551615'],
      [stakeB, '11', '1', '0.000000001'],
    ]);
  });

  it('leaves unknown values empty', () => {
    const unavailable: RewardEntry = {
      ...reward(stakeA, 3, '0'),
      status: 'unavailable',
      postBalance: null,
      effectiveSlot: null,
      commission: null,
    };
    const rows = parseCsv(formatRewardsCsv([unavailable]));
    expect(rows[1]).toEqual([stakeA, '3', 'unavailable', '0', '0.000000000', '', '', '']);
  });

  it('rejects a row with a fractional amount', () => {
    expect(() => formatRewardsCsv([reward(stakeA, 1, '1.5')])).toThrow(WalletError);
  });
});

describe('formatSol', () => {
  it('formats whole, fractional and negative amounts', () => {
    expect(formatSol(0n)).toBe('0.000000000');
    expect(formatSol(1_000_000_000n)).toBe('1.000000000');
    expect(formatSol(5_000n)).toBe('0.000005000');
    expect(formatSol(-2_500_000_000n)).toBe('-2.500000000');
  });
});
