import { InputError } from '../core/errors.ts';

/** One data record of a CSV file with its 1-based line number. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A CSV file split into a trimmed header and data records (blank lines skipped). */
export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/**
 * Splits CSV text (RFC 4180 quoting, no embedded newlines; BOM and CRLF tolerated) into a header and records.
 * Cells keep their inner spaces; callers trim. @throws InputError when the text has no header line.
 */
export function readCsvTable(text: string, fileName: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (first >= lines.length)
    throw new InputError({ path: fileName, message: 'expected a CSV header line, got an empty file' });
  const header = splitCsvLine(lines[first]!).map((h) => h.trim());
  const records: CsvRecord[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    records.push({ line: i + 1, cells: splitCsvLine(raw) });
  }
  return { header, records };
}

/** Splits one CSV record, honouring double quotes (`""` is a quote inside a quoted cell). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Index of the first header cell equal (case-insensitively, ignoring spaces and underscores) to a name. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '');
  const wanted = names.map(norm);
  return header.findIndex((h) => wanted.includes(norm(h)));
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Parses a numeric cell strictly; `null` when it is not a finite number. */
export function parseNumberCell(raw: string | undefined): number | null {
  const text = (raw ?? '').trim();
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Throws the InputError of one bad cell: `file.column (line L, column C): message, got "value"`. */
export function cellError(
  fileName: string,
  header: readonly string[],
  record: CsvRecord,
  index: number,
  message: string,
): never {
  throw new InputError({
    path: `${fileName}.${header[index] ?? `column ${index + 1}`}`,
    message,
    value: (record.cells[index] ?? '').trim(),
    line: record.line,
    column: index + 1,
  });
}
