import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTopicSurgery1796316669132 implements MigrationInterface {
  name = 'AddTopicSurgery1796316669132';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "topic_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "post_count" integer, "other_topic_id" uuid, "other_title" character varying(200), "other_category_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_034af786d4592fd5afa7ae771e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "topic_notices_topic_created_idx" ON "topic_notices"  ("topic_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "topic_redirects" ("old_topic_id" uuid NOT NULL, "new_topic_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3124ce7fe638c1afde100cdd2e" PRIMARY KEY ("old_topic_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6630a40f5dc665ecaa1a34aa67" ON "topic_redirects"  ("new_topic_id") `);
    await queryRunner.query(
      `ALTER TABLE "topic_notices" ADD CONSTRAINT "FK_b08e5dc18bc70a6419f1e600fe6" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_notices" ADD CONSTRAINT "FK_c941cb6521c89009a039b8d64d7" FOREIGN KEY ("other_topic_id") REFERENCES "topics"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_notices" ADD CONSTRAINT "FK_7fafb7e3101e7db21b79e2ab2b7" FOREIGN KEY ("other_category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_redirects" ADD CONSTRAINT "FK_6630a40f5dc665ecaa1a34aa670" FOREIGN KEY ("new_topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "topic_redirects" DROP CONSTRAINT "FK_6630a40f5dc665ecaa1a34aa670"`);
    await queryRunner.query(`ALTER TABLE "topic_notices" DROP CONSTRAINT "FK_7fafb7e3101e7db21b79e2ab2b7"`);
    await queryRunner.query(`ALTER TABLE "topic_notices" DROP CONSTRAINT "FK_c941cb6521c89009a039b8d64d7"`);
    await queryRunner.query(`ALTER TABLE "topic_notices" DROP CONSTRAINT "FK_b08e5dc18bc70a6419f1e600fe6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6630a40f5dc665ecaa1a34aa67"`);
    await queryRunner.query(`DROP TABLE "topic_redirects"`);
    await queryRunner.query(`DROP INDEX "public"."topic_notices_topic_created_idx"`);
    await queryRunner.query(`DROP TABLE "topic_notices"`);
  }
}
