import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddModeratorNotesAndClaims1796160023802 implements MigrationInterface {
  name = 'AddModeratorNotesAndClaims1796160023802';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "moderator_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acf4bc104078725fd19d8507a7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_77f47ec7c196a36763e4bdc945" ON "moderator_notes"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "review_items" ADD "claimed_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "review_items" ADD "claimed_at" TIMESTAMP(3) WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_items" DROP COLUMN "claimed_at"`);
    await queryRunner.query(`ALTER TABLE "review_items" DROP COLUMN "claimed_by_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77f47ec7c196a36763e4bdc945"`);
    await queryRunner.query(`DROP TABLE "moderator_notes"`);
  }
}
