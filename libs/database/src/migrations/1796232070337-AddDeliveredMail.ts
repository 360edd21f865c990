import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDeliveredMail1796232070337 implements MigrationInterface {
  name = 'AddDeliveredMail1796232070337';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "delivered_mail" ("key" uuid NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_566ed48360163a309aa0a6ac7b6" PRIMARY KEY ("key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "delivered_mail"`);
  }
}
