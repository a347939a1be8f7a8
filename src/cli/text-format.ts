import { formatSol } from '../main/store';

/** One column of a text table: its heading and how to print a row's cell. */
export interface TableColumn<Row> {
  title: string;
  value: (row: Row) => string;
  /** Numbers read best aligned to the right. */
  align?: 'left' | 'right';
}

/** Formats lamports (a decimal string) as SOL with all nine decimals, for example "1.500000000 SOL". */
export function formatSolAmount(lamports: string): string {
  return `${formatSol(BigInt(lamports))} SOL`;
}

/** Formats a fraction as a percentage with `digits` decimals, or "-" when unknown. */
export function formatPercent(fraction: number | null, digits = 2): string {
  return fraction === null ? '-' : `${(fraction * 100).toFixed(digits)} %`;
}

/** Lays out rows as columns padded to their widest cell, with a heading line. */
export function formatTable<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): string[] {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const pad = (text: string, index: number): string => {
    const width = widths[index] ?? 0;
    return columns[index]?.align === 'right' ? text.padStart(width) : text.padEnd(width);
  };

  const heading = columns.map((column, index) => pad(column.title, index)).join('  ');
  const body = cells.map((line) => line.map(pad).join('  '));
  return [heading.trimEnd(), ...body.map((line) => line.trimEnd())];
}
