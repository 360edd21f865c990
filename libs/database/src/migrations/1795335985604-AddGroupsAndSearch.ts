import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddGroupsAndSearch1795335985604 implements MigrationInterface {
  name = 'AddGroupsAndSearch1795335985604';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "slug" character varying(40) NOT NULL, "description" character varying(1000) NOT NULL DEFAULT '', "visibility" character varying(16) NOT NULL, "member_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eccfe767267171ae21e7cbf183" ON "groups"  ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "group_members" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f5939ee0ad233ad35e03f5c65c1" PRIMARY KEY ("group_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_20a555b299f75843aa53ff8b0e" ON "group_members"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "group_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "user_id" uuid, "token_hash" character varying(64), "invited_by" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f7d0b290d6079ae9353d794227d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_83fa1f799f28a3699eb3152a78" ON "group_invitations"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "group_join_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "message" character varying(500) NOT NULL DEFAULT '', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decision" character varying(16), CONSTRAINT "PK_74ce5e0752a5ec73ed19fe2a55d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cf8207a10b2ebeb6375b200969" ON "group_join_requests"  ("group_id", "user_id") WHERE decided_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "silenced_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "site_settings" ADD "group_creation" character varying(16) NOT NULL DEFAULT 'members'`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "shared_group_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "see_access" character varying(16) NOT NULL DEFAULT 'members'`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "start_access" character varying(16) NOT NULL DEFAULT 'members'`);
    await queryRunner.query(`ALTER TABLE "categories" ADD "reply_access" character varying(16) NOT NULL DEFAULT 'members'`);
    await queryRunner.query(`ALTER TABLE "topics" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(
      `ALTER TABLE "topics" ADD "search_vector" tsvector GENERATED ALWAYS AS (CASE WHEN language = 'fr' THEN to_tsvector('french', title) ELSE to_tsvector('english', title) END) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', 'topics', 'GENERATED_COLUMN', 'search_vector', 'CASE WHEN language = ''fr'' THEN to_tsvector(''french'', title) ELSE to_tsvector(''english'', title) END')`,
    );
    await queryRunner.query(`ALTER TABLE "posts" ADD "language" character varying(2) NOT NULL DEFAULT 'en'`);
    await queryRunner.query(
      `ALTER TABLE "posts" ADD "search_vector" tsvector GENERATED ALWAYS AS (CASE WHEN language = 'fr' THEN to_tsvector('french', body) ELSE to_tsvector('english', body) END) STORED NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', 'posts', 'GENERATED_COLUMN', 'search_vector', 'CASE WHEN language = ''fr'' THEN to_tsvector(''french'', body) ELSE to_tsvector(''english'', body) END')`,
    );
    // Written by hand (the entities mark them synchronize: false): GIN indexes for full-text search, and the
    // array overlap that finds categories shared with a member's groups.
    await queryRunner.query(`CREATE INDEX "posts_search_vector_idx" ON "posts" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "topics_search_vector_idx" ON "topics" USING GIN ("search_vector")`);
    // Existing site categories stay open to all: their access columns now say so.
    await queryRunner.query(
      `UPDATE "categories" SET "see_access" = 'everyone', "start_access" = 'everyone', "reply_access" = 'everyone' WHERE "group_id" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_members" ADD CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_members" ADD CONSTRAINT "FK_20a555b299f75843aa53ff8b0ee" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_invitations" ADD CONSTRAINT "FK_312f24bd763f755ac2c1604083c" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_invitations" ADD CONSTRAINT "FK_9e0040b82d3da3e851a45f60b3e" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_join_requests" ADD CONSTRAINT "FK_afc16af49bbe9e779b1da017d32" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "group_join_requests" ADD CONSTRAINT "FK_d09f3710535fc2f224005bd2b41" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "topics_search_vector_idx"`);
    await queryRunner.query(`DROP INDEX "posts_search_vector_idx"`);
    await queryRunner.query(`ALTER TABLE "group_join_requests" DROP CONSTRAINT "FK_d09f3710535fc2f224005bd2b41"`);
    await queryRunner.query(`ALTER TABLE "group_join_requests" DROP CONSTRAINT "FK_afc16af49bbe9e779b1da017d32"`);
    await queryRunner.query(`ALTER TABLE "group_invitations" DROP CONSTRAINT "FK_9e0040b82d3da3e851a45f60b3e"`);
    await queryRunner.query(`ALTER TABLE "group_invitations" DROP CONSTRAINT "FK_312f24bd763f755ac2c1604083c"`);
    await queryRunner.query(`ALTER TABLE "group_members" DROP CONSTRAINT "FK_20a555b299f75843aa53ff8b0ee"`);
    await queryRunner.query(`ALTER TABLE "group_members" DROP CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" = 'posts'`,
    );
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "language"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" = 'topics'`,
    );
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "reply_access"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "start_access"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "see_access"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP COLUMN "shared_group_ids"`);
    await queryRunner.query(`ALTER TABLE "site_settings" DROP COLUMN "group_creation"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "silenced_until"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cf8207a10b2ebeb6375b200969"`);
    await queryRunner.query(`DROP TABLE "group_join_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_83fa1f799f28a3699eb3152a78"`);
    await queryRunner.query(`DROP TABLE "group_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_20a555b299f75843aa53ff8b0e"`);
    await queryRunner.query(`DROP TABLE "group_members"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eccfe767267171ae21e7cbf183"`);
    await queryRunner.query(`DROP TABLE "groups"`);
  }
}
