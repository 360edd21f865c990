import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPostRevisionNumber1796229498952 implements MigrationInterface {
  name = 'AddPostRevisionNumber1796229498952';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posts" ADD "revision" integer NOT NULL DEFAULT '0'`);
    // A post edited before this column counts the revisions it already keeps, so its number goes on from there.
    await queryRunner.query(
      `UPDATE "posts" p SET "revision" = r.n FROM (SELECT post_id, count(*)::int AS n FROM "post_revisions" GROUP BY post_id) r WHERE r.post_id = p.id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "revision"`);
  }
}
