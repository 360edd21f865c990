import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Drafts1796303841296 implements MigrationInterface {
  name = 'Drafts1796303841296';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "drafts" ("user_id" uuid NOT NULL, "key" character varying(64) NOT NULL, "body" text NOT NULL, "title" character varying(200), "content_warning" character varying(200), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6212776273c0ef1f79ee1d48314" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "drafts" ADD CONSTRAINT "FK_1cb719ae58a20f6609125c429e6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drafts" DROP CONSTRAINT "FK_1cb719ae58a20f6609125c429e6"`);
    await queryRunner.query(`DROP TABLE "drafts"`);
  }
}
