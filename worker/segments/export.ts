// Segment membership as a download for outreach tools: CSV or JSON, streamed page by page (keyset
// pagination), all pages evaluated at the same `now` so the file is one consistent snapshot.
import type { Database } from '../db/client';
import type { CompileContext } from './compile';
import type { SegmentDefinition } from './definition';
import { MAX_PAGE, segmentCount, segmentMembers, type SegmentMember } from './evaluate';

export type ExportFormat = 'csv' | 'json';

const CSV_COLUMNS: Array<[keyof SegmentMember, string]> = [
  ['id', 'profile_id'],
  ['externalId', 'external_id'],
  ['email', 'email'],
  ['name', 'name'],
];

export function exportResponse(
  db: Database,
  segment: { id: string; name: string; definition: SegmentDefinition },
  ctx: CompileContext,
  format: ExportFormat,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const write = (text: string) => controller.enqueue(encoder.encode(text));
        if (format === 'csv') write(`${CSV_COLUMNS.map(([, header]) => header).join(',')}\r\n`);
        else {
          const count = await segmentCount(db, segment.definition, ctx);
          write(
            `{"segment":${JSON.stringify({ id: segment.id, name: segment.name })},"asOf":${JSON.stringify(new Date(ctx.now).toISOString())},"count":${count},"members":[`,
          );
        }
        let after: string | null = null;
        let first = true;
        do {
          const page = await segmentMembers(db, segment.definition, ctx, { after, limit: MAX_PAGE });
          for (const m of page.members) {
            if (format === 'csv') write(`${CSV_COLUMNS.map(([key]) => csvCell(m[key])).join(',')}\r\n`);
            else write(`${first ? '' : ','}${JSON.stringify(m)}`);
            first = false;
          }
          after = page.next;
        } while (after);
        if (format === 'json') write(']}');
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  const slug =
    segment.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'segment';
  return new Response(stream, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}

/**
 * RFC 4180 quoting, and a leading ' on cells a spreadsheet would run as a formula (=, +, -, @): a
 * shopper's name must not become a formula in the merchant's spreadsheet.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
