import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SiteIdentity1796316733382 implements MigrationInterface {
  name = 'SiteIdentity1796316733382';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_logos" ("id" integer NOT NULL DEFAULT '1', "bytes" bytea NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, CONSTRAINT "site_logos_single_row" CHECK (id = 1), CONSTRAINT "PK_d04a921ad676aeacb711a2da790" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "site_description" character varying(500) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "default_locale" character varying(2) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "logo_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "setup_done" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "site_invitations" ADD "max_uses" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "site_invitations" ADD "used_count" integer NOT NULL DEFAULT '0'`);
    // Written by hand: an invitation already used was its one use.
    await queryRunner.query(`UPDATE "site_invitations" SET "used_count" = 1 WHERE "used_at" IS NOT NULL`);
    // A site already running is set up: its admin is not walked through the first run again.
    await queryRunner.query(`UPDATE "site_settings" SET "setup_done" = EXISTS (SELECT 1 FROM "categories")`);
    // The old default (5 an hour from one address) turned a workshop away; a site that had changed it keeps its own.
    await queryRunner.query(
      `UPDATE "site_settings" SET "rate_limits" = jsonb_set("rate_limits", '{registrationsPerHourPerIp}', '30') WHERE "rate_limits"->>'registrationsPerHourPerIp' = '5'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "site_settings" SET "rate_limits" = jsonb_set("rate_limits", '{registrationsPerHourPerIp}', '5') WHERE "rate_limits"->>'registrationsPerHourPerIp' = '30'`,
    );
    await queryRunner.query(`ALTER TABLE "site_invitations" DROP COLUMN "used_count"`);
    await queryRunner.query(`ALTER TABLE "site_invitations" DROP COLUMN "max_uses"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "setup_done"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "logo_version"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "default_locale"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "site_description"`);
    await queryRunner.query(`DROP TABLE "site_logos"`);
  }
}
