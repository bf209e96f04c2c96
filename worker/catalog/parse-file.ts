// Turns an uploaded CSV or JSON file into rows of named values, before any row is validated. Row
// numbers are what a merchant sees in a spreadsheet: in CSV the header is row 1 and the first
// product row 2; in JSON the first object is row 1.
import { CsvError, parseCsv } from './csv';

export interface RawRow {
  row: number;
  values: Record<string, unknown>;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export type ParsedFile = { ok: true; rows: RawRow[] } | { ok: false; errors: RowError[] };

export function parseCsvRows(text: string, columns: readonly string[], required: readonly string[]): ParsedFile {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError)
      return { ok: false, errors: [{ row: err.row, field: '(file)', message: err.message }] };
    throw err;
  }
  const [header, ...body] = records;
  if (!header)
    return {
      ok: false,
      errors: [{ row: 1, field: '(file)', message: 'The file is empty: the first line must be the header' }],
    };
  const names = header.map((h) => h.trim().toLowerCase());
  const errors: RowError[] = [];
  names.forEach((name) => {
    if (!columns.includes(name))
      errors.push({
        row: 1,
        field: name || '(empty)',
        message: `Unknown column; the columns are ${columns.join(', ')}`,
      });
  });
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) errors.push({ row: 1, field: name, message: 'This column appears twice' });
  });
  for (const name of required)
    if (!names.includes(name))
      errors.push({ row: 1, field: name, message: 'Required column is missing from the header' });
  if (errors.length) return { ok: false, errors };

  const rows: RawRow[] = [];
  body.forEach((fields, i) => {
    const row = i + 2;
    if (fields.length !== names.length) {
      errors.push({ row, field: '(row)', message: `Has ${fields.length} fields; the header has ${names.length}` });
      return;
    }
    const values: Record<string, unknown> = {};
    names.forEach((name, j) => {
      const value = fields[j] ?? '';
      if (value.trim() !== '') values[name] = value; // an empty cell means "not given"
    });
    rows.push({ row, values });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export function parseJsonRows(text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ row: 0, field: '(file)', message: 'The file is not valid JSON' }] };
  }
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.rows) ? data.rows : null;
  if (!list)
    return {
      ok: false,
      errors: [{ row: 0, field: '(file)', message: 'Send a JSON array of objects (or { "rows": [...] })' }],
    };
  const errors: RowError[] = [];
  const rows: RawRow[] = [];
  list.forEach((item: unknown, i) => {
    if (!isRecord(item)) errors.push({ row: i + 1, field: '(row)', message: 'Each row must be an object' });
    else
      rows.push({
        row: i + 1,
        values: Object.fromEntries(Object.entries(item).filter(([, v]) => v !== null && v !== '')),
      });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
