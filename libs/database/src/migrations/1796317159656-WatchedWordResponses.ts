import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WatchedWordResponses1796317159656 implements MigrationInterface {
  name = 'WatchedWordResponses1796317159656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watched_words" ADD "response" text`);
    await queryRunner.query(`ALTER TABLE "watched_words" ADD "response_fr" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "watched_words" DROP COLUMN "response_fr"`);
    await queryRunner.query(`ALTER TABLE "watched_words" DROP COLUMN "response"`);
  }
}
