import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reply held for review takes no number (and moves no topic count) until it is approved: numbering it
 * at once told every member of the topic, through postCount and unread counts, that something was waiting.
 * Replies already held keep the numbers they took; approval leaves those as they are.
 */
export class HeldRepliesUnnumbered1796229660456 implements MigrationInterface {
  name = 'HeldRepliesUnnumbered1796229660456';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_f56235fc9e906f7a521e5fee2e"`);
    await queryRunner.query(`ALTER TABLE "posts" ALTER COLUMN "number" DROP NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f56235fc9e906f7a521e5fee2e" ON "posts"  ("topic_id", "number") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Replies still held get the next numbers of their topics, as they would have before.
    await queryRunner.query(
      `WITH held AS (SELECT id, topic_id, row_number() OVER (PARTITION BY topic_id ORDER BY created_at, id) AS rn FROM posts WHERE number IS NULL),
            bumped AS (UPDATE topics t SET post_count = t.post_count + c.n
                         FROM (SELECT topic_id, count(*)::int AS n FROM held GROUP BY topic_id) c
                        WHERE t.id = c.topic_id RETURNING t.id, t.post_count - c.n AS base)
       UPDATE posts p SET number = b.base + h.rn FROM held h JOIN bumped b ON b.id = h.topic_id WHERE p.id = h.id`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_f56235fc9e906f7a521e5fee2e"`);
    await queryRunner.query(`ALTER TABLE "posts" ALTER COLUMN "number" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f56235fc9e906f7a521e5fee2e" ON "posts"  ("topic_id", "number") `);
  }
}
