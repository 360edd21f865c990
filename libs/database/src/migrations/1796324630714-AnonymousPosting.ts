import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymousPosting1796324630714 implements MigrationInterface {
  name = 'AnonymousPosting1796324630714';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unmask_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "requester_id" uuid NOT NULL, "reason" character varying(1000) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "approver_id" uuid, "approved_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2088b81dafc8c0f9fb0a807f7e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_59544e834595f10cfaa2998b7a" ON "unmask_requests"  ("status", "created_at") `);
    await queryRunner.query(`ALTER TABLE "categories" ADD "anonymous_review" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "anonymous_number" integer`);
    await queryRunner.query(`ALTER TABLE "posts" ADD "anonymous_number" integer`);
    await queryRunner.query(`ALTER TABLE "sanctions" ADD "through_anonymous_post" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "unmask_requests" ADD CONSTRAINT "FK_908391a953bd16a6547719943e8" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unmask_requests" ADD CONSTRAINT "FK_fe6c5cc0f476d335e86127cbd2f" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unmask_requests" ADD CONSTRAINT "FK_fe5ae582138c6762147a78811b0" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unmask_requests" DROP CONSTRAINT "FK_fe5ae582138c6762147a78811b0"`);
    await queryRunner.query(`ALTER TABLE "unmask_requests" DROP CONSTRAINT "FK_fe6c5cc0f476d335e86127cbd2f"`);
    await queryRunner.query(`ALTER TABLE "unmask_requests" DROP CONSTRAINT "FK_908391a953bd16a6547719943e8"`);
    await queryRunner.query(`ALTER TABLE "sanctions" DROP COLUMN "through_anonymous_post"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "anonymous_number"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "anonymous_number"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "anonymous_review"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_59544e834595f10cfaa2998b7a"`);
    await queryRunner.query(`DROP TABLE "unmask_requests"`);
  }
}
