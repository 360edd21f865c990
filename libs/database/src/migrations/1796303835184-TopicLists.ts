import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topic lists (issue 18): indexes for latest/new site-wide and per category, a period's reactions for top, a member's
 * bookmarks newest first; bookmark times in milliseconds, as the Bookmarks page's cursor holds them.
 */
export class TopicLists1796303835184 implements MigrationInterface {
  name = 'TopicLists1796303835184';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bookmarks" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "topics_category_created_idx" ON "topics"  ("category_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "topics_created_idx" ON "topics"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "topics_last_post_idx" ON "topics"  ("last_post_at", "id") `);
    await queryRunner.query(`CREATE INDEX "reactions_created_idx" ON "reactions"  ("created_at") `);
    await queryRunner.query(`CREATE INDEX "bookmarks_user_created_idx" ON "bookmarks"  ("user_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."bookmarks_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reactions_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."topics_last_post_idx"`);
    await queryRunner.query(`DROP INDEX "public"."topics_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."topics_category_created_idx"`);
    await queryRunner.query(`ALTER TABLE "bookmarks" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
  }
}
