import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMailings1796168422713 implements MigrationInterface {
  name = 'AddMailings1796168422713';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mailings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject" character varying(200) NOT NULL, "body" text NOT NULL, "subject_fr" character varying(200), "body_fr" text, "audience_kind" character varying(16) NOT NULL, "audience_group_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'draft', "scheduled_at" TIMESTAMP(3) WITH TIME ZONE, "started_at" TIMESTAMP(3) WITH TIME ZONE, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "total" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mailings_audience" CHECK (audience_kind IN ('subscribers', 'members', 'group')), CONSTRAINT "mailings_status" CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'failed')), CONSTRAINT "PK_62f62ea6a10bcd482f24ac751c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mailings_archive" ON "mailings"  ("sent_at", "id") WHERE status = 'sent' AND audience_kind <> 'group'`,
    );
    await queryRunner.query(`CREATE INDEX "mailings_newest" ON "mailings"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "mailing_deliveries" ("id" BIGSERIAL NOT NULL, "mailing_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "locale" character varying(8) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" smallint NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP(3) WITH TIME ZONE, "error" character varying(300), CONSTRAINT "mailing_deliveries_once" UNIQUE ("mailing_id", "email"), CONSTRAINT "mailing_deliveries_status" CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'interrupted', 'bounced')), CONSTRAINT "PK_163cfaa9bb200645ac11531e531" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mailing_deliveries_by_status" ON "mailing_deliveries"  ("mailing_id", "status") `);
    await queryRunner.query(
      `CREATE INDEX "mailing_deliveries_due" ON "mailing_deliveries"  ("mailing_id", "next_attempt_at", "id") WHERE status = 'queued'`,
    );
    await queryRunner.query(
      `CREATE TABLE "subscribers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "locale" character varying(8) NOT NULL DEFAULT 'en', "status" character varying(16) NOT NULL DEFAULT 'pending', "consent_source" character varying(200), "consent_at" TIMESTAMP(3) WITH TIME ZONE, "consent_method" character varying(8) NOT NULL DEFAULT 'express', "consent_expires_at" TIMESTAMP(3) WITH TIME ZONE, "user_id" uuid, "confirmation_token_hash" character varying(64), "confirmation_sent_at" TIMESTAMP(3) WITH TIME ZONE, "status_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "bounce_reason" character varying(300), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1a7163c08f0e57bd1c9821508b1" UNIQUE ("email"), CONSTRAINT "UQ_a0c2788b703c77330a51254ecd0" UNIQUE ("confirmation_token_hash"), CONSTRAINT "REL_0c99e87bda40ab7c44e49e88ef" UNIQUE ("user_id"), CONSTRAINT "subscribers_consent_method" CHECK (consent_method IN ('express', 'implied')), CONSTRAINT "subscribers_status" CHECK (status IN ('pending', 'subscribed', 'unsubscribed', 'bounced', 'complained')), CONSTRAINT "PK_cbe0a7a9256c826f403c0236b67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "subscribers_newest" ON "subscribers"  ("created_at", "id") `);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "mailing_sender_name" character varying(120) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "mailing_address" character varying(300) NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `ALTER TABLE "mailings" ADD CONSTRAINT "FK_fba13ba1c38d02bd5713acea332" FOREIGN KEY ("audience_group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailings" ADD CONSTRAINT "FK_ae332664290e2b447530f01d9e1" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mailing_deliveries" ADD CONSTRAINT "FK_aac964e48e78371e355410cb51d" FOREIGN KEY ("mailing_id") REFERENCES "mailings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "subscribers" ADD CONSTRAINT "FK_0c99e87bda40ab7c44e49e88ef8" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "subscribers" DROP CONSTRAINT "FK_0c99e87bda40ab7c44e49e88ef8"`);
    await queryRunner.query(`ALTER TABLE "mailing_deliveries" DROP CONSTRAINT "FK_aac964e48e78371e355410cb51d"`);
    await queryRunner.query(`ALTER TABLE "mailings" DROP CONSTRAINT "FK_ae332664290e2b447530f01d9e1"`);
    await queryRunner.query(`ALTER TABLE "mailings" DROP CONSTRAINT "FK_fba13ba1c38d02bd5713acea332"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "mailing_address"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "mailing_sender_name"`);
    await queryRunner.query(`DROP INDEX "public"."subscribers_newest"`);
    await queryRunner.query(`DROP TABLE "subscribers"`);
    await queryRunner.query(`DROP INDEX "public"."mailing_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "public"."mailing_deliveries_by_status"`);
    await queryRunner.query(`DROP TABLE "mailing_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."mailings_newest"`);
    await queryRunner.query(`DROP INDEX "public"."mailings_archive"`);
    await queryRunner.query(`DROP TABLE "mailings"`);
  }
}
