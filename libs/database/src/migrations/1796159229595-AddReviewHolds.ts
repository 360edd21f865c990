import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReviewHolds1796159229595 implements MigrationInterface {
  name = 'AddReviewHolds1796159229595';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "topics" ADD "pending_review" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "pending_review" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "pending_review"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "pending_review"`);
  }
}
