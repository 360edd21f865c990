import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostsByAuthor1796258659061 implements MigrationInterface {
  name = 'PostsByAuthor1796258659061';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "posts_author_created_idx" ON "posts"  ("author_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."posts_author_created_idx"`);
  }
}
