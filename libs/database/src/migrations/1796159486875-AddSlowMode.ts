import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSlowMode1796159486875 implements MigrationInterface {
  name = 'AddSlowMode1796159486875';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "topics" ADD "slow_mode_seconds" integer NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "slow_mode_seconds"`);
  }
}
