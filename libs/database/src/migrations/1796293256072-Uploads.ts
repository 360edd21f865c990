import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Uploads1796293256072 implements MigrationInterface {
  name = 'Uploads1796293256072';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uploader_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "family" character varying(16) NOT NULL, "size" integer NOT NULL, "width" integer, "height" integer, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "bytes" bytea NOT NULL, "thumbnail" bytea, CONSTRAINT "PK_d1781d1eedd7459314f60f39bd3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ed6ef5520dc960a82b4a78bf38" ON "uploads"  ("uploader_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "post_uploads" ("post_id" uuid NOT NULL, "upload_id" uuid NOT NULL, CONSTRAINT "PK_6f5c099cc5ad84f99df7433c3d0" PRIMARY KEY ("post_id", "upload_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9ac038de35a2cba694e842476b" ON "post_uploads"  ("upload_id") `);
    await queryRunner.query(
      `CREATE TABLE "message_uploads" ("message_id" uuid NOT NULL, "upload_id" uuid NOT NULL, CONSTRAINT "PK_5b5b2ed83e7348511baa99547e9" PRIMARY KEY ("message_id", "upload_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8fa10e6206ad74430252a25af5" ON "message_uploads"  ("upload_id") `);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "upload_max_mb" integer NOT NULL DEFAULT '8'`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "upload_quota_mb" integer NOT NULL DEFAULT '500'`);
    await queryRunner.query(
      `ALTER TABLE "uploads" ADD CONSTRAINT "FK_c0e2abb2ab1664fee239887162b" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_uploads" ADD CONSTRAINT "FK_6b29ed09b09ab6d2c885ecedccb" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_uploads" ADD CONSTRAINT "FK_9ac038de35a2cba694e842476bd" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_uploads" ADD CONSTRAINT "FK_ce6073615d3c7f04256bb87b289" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_uploads" ADD CONSTRAINT "FK_8fa10e6206ad74430252a25af5c" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand: pictures and PDFs are compressed already, so PostgreSQL stores them out of line without
    // trying to compress them again; and the new rate limit joins the jsonb of limits with its default.
    await queryRunner.query(`ALTER TABLE "uploads" ALTER COLUMN "bytes" SET STORAGE EXTERNAL`);
    await queryRunner.query(`ALTER TABLE "uploads" ALTER COLUMN "thumbnail" SET STORAGE EXTERNAL`);
    await queryRunner.query(`UPDATE "site_settings" SET "rate_limits" = '{"uploadsPerHour":30}'::jsonb || "rate_limits"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "site_settings" SET "rate_limits" = "rate_limits" - 'uploadsPerHour'`);
    await queryRunner.query(`ALTER TABLE "message_uploads" DROP CONSTRAINT "FK_8fa10e6206ad74430252a25af5c"`);
    await queryRunner.query(`ALTER TABLE "message_uploads" DROP CONSTRAINT "FK_ce6073615d3c7f04256bb87b289"`);
    await queryRunner.query(`ALTER TABLE "post_uploads" DROP CONSTRAINT "FK_9ac038de35a2cba694e842476bd"`);
    await queryRunner.query(`ALTER TABLE "post_uploads" DROP CONSTRAINT "FK_6b29ed09b09ab6d2c885ecedccb"`);
    await queryRunner.query(`ALTER TABLE "uploads" DROP CONSTRAINT "FK_c0e2abb2ab1664fee239887162b"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "upload_quota_mb"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "upload_max_mb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8fa10e6206ad74430252a25af5"`);
    await queryRunner.query(`DROP TABLE "message_uploads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ac038de35a2cba694e842476b"`);
    await queryRunner.query(`DROP TABLE "post_uploads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed6ef5520dc960a82b4a78bf38"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
  }
}
