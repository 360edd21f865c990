import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DiscreetMode1796324760465 implements MigrationInterface {
  name = 'DiscreetMode1796324760465';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "site_settings" ADD "quick_exit_url" character varying(500) NOT NULL DEFAULT 'https://www.google.com/'`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "sign_out_on_quick_exit" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "sign_out_on_quick_exit"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "quick_exit_url"`);
  }
}
