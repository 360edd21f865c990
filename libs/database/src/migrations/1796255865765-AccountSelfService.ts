import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSelfService1796255865765 implements MigrationInterface {
  name = 'AccountSelfService1796255865765';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "email" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_8acb431edfc9f9d0e77741468ed" UNIQUE ("token_hash"), CONSTRAINT "PK_08abb3fa348e894c274a6730d35" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_018295f41628791c301bfe8b62" ON "email_tokens"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, CONSTRAINT "PK_d07c335ded337e58c4f36f234d2" PRIMARY KEY ("user_id", "code_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_blocks" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_48667515438e7d0f0fed998b193" PRIMARY KEY ("blocker_id", "blocked_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7a0806a54f0ad9ced3e247cacd" ON "user_blocks"  ("blocked_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_avatars" ("user_id" uuid NOT NULL, "size" integer NOT NULL, "bytes" bytea NOT NULL, CONSTRAINT "PK_9b63cc1282fc0735f08e7c69c79" PRIMARY KEY ("user_id", "size"))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "pronouns" character varying(40) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "users" ADD "bio" character varying(1000) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "must_verify_email" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "messages_from" character varying(16) NOT NULL DEFAULT 'everyone'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "discreet" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "users" ADD "avatar_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_pending_secret" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_last_step" integer`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "email_verification" character varying(16) NOT NULL DEFAULT 'required'`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "staff_two_factor" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "group_members" ADD "hidden_on_profile" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "email_tokens" ADD CONSTRAINT "FK_018295f41628791c301bfe8b625" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_codes" ADD CONSTRAINT "FK_fb82b2ac740ca095b617afad031" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_blocks" ADD CONSTRAINT "FK_dfcd8a81016d1de587fbd2d70bf" FOREIGN KEY ("blocker_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_blocks" ADD CONSTRAINT "FK_7a0806a54f0ad9ced3e247cacd1" FOREIGN KEY ("blocked_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_avatars" ADD CONSTRAINT "FK_2681c26ee00a969a6143ab8d38c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand (entities cannot declare a sequence): the <n> of `deleted-<n>`, the name left on a
    // deleted account's anonymised posts. A sequence never hands out a number twice, even to concurrent deletions.
    await queryRunner.query(`CREATE SEQUENCE "deleted_member_seq"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "deleted_member_seq"`);
    await queryRunner.query(`ALTER TABLE "user_avatars" DROP CONSTRAINT "FK_2681c26ee00a969a6143ab8d38c"`);
    await queryRunner.query(`ALTER TABLE "user_blocks" DROP CONSTRAINT "FK_7a0806a54f0ad9ced3e247cacd1"`);
    await queryRunner.query(`ALTER TABLE "user_blocks" DROP CONSTRAINT "FK_dfcd8a81016d1de587fbd2d70bf"`);
    await queryRunner.query(`ALTER TABLE "recovery_codes" DROP CONSTRAINT "FK_fb82b2ac740ca095b617afad031"`);
    await queryRunner.query(`ALTER TABLE "email_tokens" DROP CONSTRAINT "FK_018295f41628791c301bfe8b625"`);
    await queryRunner.query(`ALTER TABLE "group_members" DROP COLUMN "hidden_on_profile"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "staff_two_factor"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "email_verification"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "avatar_version"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "discreet"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "messages_from"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_verify_email"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "bio"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "pronouns"`);
    await queryRunner.query(`DROP TABLE "user_avatars"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a0806a54f0ad9ced3e247cacd"`);
    await queryRunner.query(`DROP TABLE "user_blocks"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_018295f41628791c301bfe8b62"`);
    await queryRunner.query(`DROP TABLE "email_tokens"`);
  }
}
