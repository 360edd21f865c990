import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents, InvalidInputError } from '@harbour/common';
import type { Caller } from '@harbour/access';
import type { SubscriberImportReportDto } from '@harbour/contracts';
import { parseSubscriberCsv, type ImportedSubscriber } from './subscribers-csv';

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
    private readonly events: DomainEvents,
  ) {}

  async import(caller: Caller, body: unknown): Promise<SubscriberImportReportDto> {
    if (typeof body !== 'string') throw new InvalidInputError('body must be CSV text sent as Content-Type: text/csv');
    if (body.includes('\u0000')) throw new InvalidInputError('body must not contain NUL characters');
    const lines = body.split('\n').length;
    if (lines > MAX_LINES) throw new InvalidInputError(`body has ${lines} lines; import at most ${MAX_LINES} at a time`);
    const parsed = parseSubscriberCsv(body);
    let imported = 0;
    let updated = 0;
    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < parsed.rows.length; start += CHUNK) {
        const written = await this.upsert(manager, parsed.rows.slice(start, start + CHUNK));
        imported += written.filter((row) => row.inserted).length;
        updated += written.filter((row) => !row.inserted).length;
      }
    });
    const skipped = parsed.rows.length - imported - updated + parsed.duplicates + parsed.errors.length;
    this.events.publish('StaffActed', {
      actorId: caller.userId,
      action: 'subscribers.import',
      targetType: 'subscribers',
      targetId: null,
      reason: `${imported} new, ${updated} updated, ${skipped} skipped`,
    });
    return { imported, updated, skipped, errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS) };
  }

  private upsert(manager: EntityManager, rows: ImportedSubscriber[]): Promise<{ inserted: boolean }[]> {
    return manager.query(
      `INSERT INTO subscribers (email, locale, status, consent_source, consent_at, consent_method, consent_expires_at, status_changed_at)
       SELECT email, locale, 'subscribed', source, consent_at, method, expires_at, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[])
           AS row(email, locale, source, consent_at, method, expires_at)
       ON CONFLICT (email) DO UPDATE SET
              locale = EXCLUDED.locale, consent_source = EXCLUDED.consent_source, consent_at = EXCLUDED.consent_at,
              consent_method = EXCLUDED.consent_method, consent_expires_at = EXCLUDED.consent_expires_at,
              status = 'subscribed', confirmation_token_hash = NULL, updated_at = now(),
              status_changed_at = CASE WHEN subscribers.status = 'subscribed' THEN subscribers.status_changed_at ELSE now() END
        WHERE subscribers.status IN ('pending', 'subscribed')
          AND (subscribers.status, subscribers.locale, subscribers.consent_source, subscribers.consent_at, subscribers.consent_method, subscribers.consent_expires_at)
              IS DISTINCT FROM ('subscribed', EXCLUDED.locale, EXCLUDED.consent_source, EXCLUDED.consent_at, EXCLUDED.consent_method, EXCLUDED.consent_expires_at)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((row) => row.email),
        rows.map((row) => row.locale),
        rows.map((row) => row.consentSource),
        rows.map((row) => row.consentAt.toISOString()),
        rows.map((row) => row.consentMethod),
        rows.map((row) => row.consentExpiresAt?.toISOString() ?? null),
      ],
    );
  }
}
