import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddModeration1796158291817 implements MigrationInterface {
  name = 'AddModeration1796158291817';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "watched_words" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "word" character varying(100) NOT NULL, "word_key" character varying(200) NOT NULL, "action" character varying(16) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ba5c571153aa43b69e0a9b18191" UNIQUE ("word_key"), CONSTRAINT "PK_57b1b941d4b2fa87e36f3d4033d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "moderation_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" character varying(40) NOT NULL, "target_type" character varying(16) NOT NULL, "target_id" uuid, "reason" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0adca6ecfd068db83e4526cc26" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_207adbbbbce278441f1cb18928" ON "moderation_log"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "sanctions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "type" character varying(16) NOT NULL, "reason" text NOT NULL, "until" TIMESTAMP(3) WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "lifted_at" TIMESTAMP(3) WITH TIME ZONE, "acknowledged_at" TIMESTAMP(3) WITH TIME ZONE, "appeal_message" text, "appealed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_29bef7647676bb7ec707f29b18f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c607c5f9cd6544446f6e1673ec" ON "sanctions"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "item_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "reason" character varying(16) NOT NULL, "note" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea7e333c92a55de9e9b8d0b9afd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "flags_one_per_reporter" ON "flags"  ("item_id", "reporter_id") `);
    await queryRunner.query(
      `CREATE TABLE "review_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "target_type" character varying(16) NOT NULL, "target_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "resolution" character varying(16), "resolved_by_id" uuid, "resolved_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_417e5a69fd5f01f31e3c0303dfe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a45cd956cee719ee93e007a0f2" ON "review_items"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "review_items_open_target" ON "review_items"  ("kind", "target_type", "target_id") WHERE status = 'open'`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "suspended_until" TIMESTAMP WITH TIME ZONE`);
    // Written by hand: the audit log is append-only. Not even a bug in Harbour may rewrite or erase it.
    await queryRunner.query(`CREATE FUNCTION moderation_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the moderation log is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "moderation_log"
      FOR EACH STATEMENT EXECUTE FUNCTION moderation_log_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER moderation_log_append_only ON "moderation_log"`);
    await queryRunner.query(`DROP FUNCTION moderation_log_append_only()`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "suspended_until"`);
    await queryRunner.query(`DROP INDEX "public"."review_items_open_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a45cd956cee719ee93e007a0f2"`);
    await queryRunner.query(`DROP TABLE "review_items"`);
    await queryRunner.query(`DROP INDEX "public"."flags_one_per_reporter"`);
    await queryRunner.query(`DROP TABLE "flags"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c607c5f9cd6544446f6e1673ec"`);
    await queryRunner.query(`DROP TABLE "sanctions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_207adbbbbce278441f1cb18928"`);
    await queryRunner.query(`DROP TABLE "moderation_log"`);
    await queryRunner.query(`DROP TABLE "watched_words"`);
  }
}
