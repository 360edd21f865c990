import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberData, type ErasedMember, type ExportedMember, type ExportFile, type MemberDataPart } from '@harbour/common';
import { normalizeEmail } from './email-address';

/**
 * What the mailing list holds about a member: their subscriber row (by account or by address) and the
 * addresses mailings were delivered to (README, "Leaving").
 */
@Injectable()
export class MailingsMemberData implements MemberDataPart {
  readonly name = 'mailings';

  constructor(
    private readonly dataSource: DataSource,
    registry: MemberData,
  ) {
    registry.register(this);
  }

  async export({ userId, email }: ExportedMember): Promise<Record<string, ExportFile>> {
    const [row] = await this.dataSource.manager.query<Record<string, unknown>[]>(
      `SELECT s.email, s.status, s.locale, s.consent_source AS "consentSource", s.consent_at AS "consentAt",
              s.consent_method AS "consentMethod", s.consent_expires_at AS "consentExpiresAt"
         FROM subscribers s WHERE s.user_id = $1 OR s.email = ANY($2)`,
      [userId, [email, normalizeEmail(email) ?? email]],
    );
    return { 'subscriptions.json': { mailingList: row ?? null } };
  }

  async erase(member: ErasedMember, manager: EntityManager): Promise<void> {
    const addresses = [...new Set([member.email, normalizeEmail(member.email) ?? member.email])];
    // The row goes whole, suppression record included: nothing may keep the address (README, "Leaving").
    await manager.query('DELETE FROM subscribers WHERE user_id = $1 OR email = ANY($2)', [member.userId, addresses]);
    // Delivery rows stay so that mailings' counts do not change, under an address that is nobody's.
    await manager.query('UPDATE mailing_deliveries SET email = $2, error = NULL WHERE email = ANY($1)', [
      addresses,
      member.anonymous.email,
    ]);
  }
}
