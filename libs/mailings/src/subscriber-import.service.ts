import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@harbour/access';
import { audit } from '@harbour/audit';
import { InvalidInputError } from '@harbour/common';
import type { SubscriberImportReportDto } from '@harbour/contracts';
import { SubscriberRepository } from './subscriber.repository';
import { parseSubscriberCsv } from './subscribers-csv';

/** Rows per INSERT: big enough that 34,000 addresses take a handful of statements. */
const CHUNK = 5000;
/** Beyond this a file is more likely a mistake than a list; split it. */
const MAX_LINES = 200_000;
/** How many bad lines the report lists (the count of skipped lines is always complete). */
const MAX_REPORTED_ERRORS = 1000;

/**
 * Imports a CSV of addresses with their consent records, in one transaction (all of it or nothing).
 * New addresses are subscribed; those already pending or subscribed take the file's locale and consent
 * when they differ; an address that unsubscribed, bounced or complained is never subscribed again.
 */
@Injectable()
export class SubscriberImport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscribers: SubscriberRepository,
  ) {}

  async import(caller: Caller, body: unknown): Promise<SubscriberImportReportDto> {
    if (typeof body !== 'string') throw new InvalidInputError('body must be CSV text sent as Content-Type: text/csv');
    if (body.includes('\u0000')) throw new InvalidInputError('body must not contain NUL characters');
    const lines = body.split('\n').length;
    if (lines > MAX_LINES) throw new InvalidInputError(`body has ${lines} lines; import at most ${MAX_LINES} at a time`);
    const parsed = parseSubscriberCsv(body);
    let imported = 0;
    let updated = 0;
    let skipped = 0;
    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < parsed.rows.length; start += CHUNK) {
        const written = await this.subscribers.upsertImported(parsed.rows.slice(start, start + CHUNK), manager);
        imported += written.filter((row) => row.inserted).length;
        updated += written.filter((row) => !row.inserted).length;
      }
      skipped = parsed.rows.length - imported - updated + parsed.duplicates + parsed.errors.length;
      await audit(manager, {
        actorId: caller.userId,
        action: 'subscribers.import',
        targetType: 'subscribers',
        targetId: null,
        reason: `${imported} new, ${updated} updated, ${skipped} skipped`,
      });
    });
    return { imported, updated, skipped, errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS) };
  }
}
