export type CsvCell = string | number | bigint | null;

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Formats rows as RFC 4180 CSV with CRLF line ends. Text cells that a spreadsheet would run
 * as a formula get a leading apostrophe. Numbers are written as they are, so a negative
 * amount stays a number.
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  return [header, ...rows].map((row) => row.map(formatCell).join(',')).join('\r\n') + '\r\n';
}

export function formatCell(cell: CsvCell): string {
  if (cell === null) {
    return '';
  }
  if (typeof cell !== 'string') {
    return String(cell);
  }
  const text = formulaStart.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
