import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Categories gain a colour, anonymous posting and support-desk visibility (api.md 1.1; the last two act in issue 20). */
export class CategorySettings1796316782162 implements MigrationInterface {
  name = 'CategorySettings1796316782162';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "categories" ADD "color" character varying(7)`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "anonymous" character varying(8) NOT NULL DEFAULT 'off'`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "topics_visible_to" character varying(8) NOT NULL DEFAULT 'everyone'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "topics_visible_to"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "anonymous"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "color"`);
  }
}
