import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddForum1795331310142 implements MigrationInterface {
  name = 'AddForum1795331310142';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "slug" character varying(90) NOT NULL, "description" character varying(500) NOT NULL DEFAULT '', "group_id" uuid, "parent_id" uuid, "position" integer NOT NULL DEFAULT '0', "topic_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_420d9f679d41281f282f5bc7d0" ON "categories"  ("slug") `);
    await queryRunner.query(`CREATE INDEX "IDX_9cb2a5ee5d6a59afa025f3b96d" ON "categories"  ("group_id") `);
    await queryRunner.query(
      `CREATE TABLE "topics" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category_id" uuid NOT NULL, "author_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "slug" character varying(120) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_post_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "post_count" integer NOT NULL DEFAULT '0', "pinned" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_e4aa99a3fa60ec3a37d1fc4e853" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9921f07d63a5a312dd63ae33a0" ON "topics"  ("category_id", "pinned", "last_post_at") `);
    await queryRunner.query(
      `CREATE TABLE "posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic_id" uuid NOT NULL, "number" integer NOT NULL, "author_id" uuid NOT NULL, "parent_id" uuid, "body" text NOT NULL, "html" text NOT NULL, "content_warning" character varying(200), "wiki" boolean NOT NULL DEFAULT false, "hidden" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2829ac61eff60fcec60d7274b9e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f56235fc9e906f7a521e5fee2e" ON "posts"  ("topic_id", "number") `);
    await queryRunner.query(
      `CREATE TABLE "post_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body" text NOT NULL, "editor_id" uuid NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_871219c3d5044d70ff7d59480b8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_21715fae1f647ae1e4b0741346" ON "post_revisions"  ("post_id") `);
    await queryRunner.query(
      `CREATE TABLE "reactions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "emoji" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea6eb8a6662f33ad7269783f873" PRIMARY KEY ("post_id", "user_id", "emoji"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentions" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_5587ad556bbb018dfc4cc8a2d48" PRIMARY KEY ("post_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5a104b265b5b285c281cec328" ON "mentions"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "bookmarks" ("user_id" uuid NOT NULL, "post_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e1decdf2b2a71358f5acd16f586" PRIMARY KEY ("user_id", "post_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "topic_reads" ("user_id" uuid NOT NULL, "topic_id" uuid NOT NULL, "last_read_number" integer NOT NULL, CONSTRAINT "PK_2cf2d7c385f91c56cdf5ca6dcaf" PRIMARY KEY ("user_id", "topic_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "topic_notification_levels" ("user_id" uuid NOT NULL, "topic_id" uuid NOT NULL, "level" character varying(16) NOT NULL, CONSTRAINT "PK_14f0d89cc6bc9beb21bdff530a9" PRIMARY KEY ("user_id", "topic_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "category_notification_levels" ("user_id" uuid NOT NULL, "category_id" uuid NOT NULL, "level" character varying(16) NOT NULL, CONSTRAINT "PK_cda4cd12af227b65999567a9c15" PRIMARY KEY ("user_id", "category_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "site_invitations" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "FK_88cea2dc9c31951d06437879b40" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topics" ADD CONSTRAINT "FK_55f03ccaeee22a418c4b00b83a2" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topics" ADD CONSTRAINT "FK_6d0b30ac931562f4dcfef6c7ef9" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_34720d240a6956e2d3b91f93a8a" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_312c63be865c81b922e39c2475e" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_d8be760cd953c4a98137c5237a6" FOREIGN KEY ("parent_id") REFERENCES "posts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_21715fae1f647ae1e4b0741346a" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "post_revisions" ADD CONSTRAINT "FK_d4cc016eff941f8be976ba83d2a" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reactions" ADD CONSTRAINT "FK_a1ac38351a456da43cd26d38be8" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reactions" ADD CONSTRAINT "FK_dde6062145a93649adc5af3946e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentions" ADD CONSTRAINT "FK_2063b52c183174db78dba862302" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentions" ADD CONSTRAINT "FK_c5a104b265b5b285c281cec3288" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bookmarks" ADD CONSTRAINT "FK_58a0fbaee65cd8959a870ee678c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bookmarks" ADD CONSTRAINT "FK_51f539993ae903a927bd44dbe49" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_reads" ADD CONSTRAINT "FK_ee0d0df03c8ee0fcf3e95529a55" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_reads" ADD CONSTRAINT "FK_97474d3e00c891f5f177bbb6070" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_notification_levels" ADD CONSTRAINT "FK_14fc47ce3561ec45de346f2a676" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "topic_notification_levels" ADD CONSTRAINT "FK_e769e9894751898fcaa71b3424f" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "category_notification_levels" ADD CONSTRAINT "FK_161a42af1b2113ef3127d750ef7" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "category_notification_levels" ADD CONSTRAINT "FK_fd0a9890e8d85d0b72774f08858" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "category_notification_levels" DROP CONSTRAINT "FK_fd0a9890e8d85d0b72774f08858"`);
    await queryRunner.query(`ALTER TABLE "category_notification_levels" DROP CONSTRAINT "FK_161a42af1b2113ef3127d750ef7"`);
    await queryRunner.query(`ALTER TABLE "topic_notification_levels" DROP CONSTRAINT "FK_e769e9894751898fcaa71b3424f"`);
    await queryRunner.query(`ALTER TABLE "topic_notification_levels" DROP CONSTRAINT "FK_14fc47ce3561ec45de346f2a676"`);
    await queryRunner.query(`ALTER TABLE "topic_reads" DROP CONSTRAINT "FK_97474d3e00c891f5f177bbb6070"`);
    await queryRunner.query(`ALTER TABLE "topic_reads" DROP CONSTRAINT "FK_ee0d0df03c8ee0fcf3e95529a55"`);
    await queryRunner.query(`ALTER TABLE "bookmarks" DROP CONSTRAINT "FK_51f539993ae903a927bd44dbe49"`);
    await queryRunner.query(`ALTER TABLE "bookmarks" DROP CONSTRAINT "FK_58a0fbaee65cd8959a870ee678c"`);
    await queryRunner.query(`ALTER TABLE "mentions" DROP CONSTRAINT "FK_c5a104b265b5b285c281cec3288"`);
    await queryRunner.query(`ALTER TABLE "mentions" DROP CONSTRAINT "FK_2063b52c183174db78dba862302"`);
    await queryRunner.query(`ALTER TABLE "reactions" DROP CONSTRAINT "FK_dde6062145a93649adc5af3946e"`);
    await queryRunner.query(`ALTER TABLE "reactions" DROP CONSTRAINT "FK_a1ac38351a456da43cd26d38be8"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_d4cc016eff941f8be976ba83d2a"`);
    await queryRunner.query(`ALTER TABLE "post_revisions" DROP CONSTRAINT "FK_21715fae1f647ae1e4b0741346a"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_d8be760cd953c4a98137c5237a6"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_312c63be865c81b922e39c2475e"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP CONSTRAINT "FK_34720d240a6956e2d3b91f93a8a"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "FK_6d0b30ac931562f4dcfef6c7ef9"`);
    await queryRunner.query(`ALTER TABLE "topics" DROP CONSTRAINT "FK_55f03ccaeee22a418c4b00b83a2"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "FK_88cea2dc9c31951d06437879b40"`);
    await queryRunner.query(`ALTER TABLE "site_invitations" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    await queryRunner.query(`DROP TABLE "category_notification_levels"`);
    await queryRunner.query(`DROP TABLE "topic_notification_levels"`);
    await queryRunner.query(`DROP TABLE "topic_reads"`);
    await queryRunner.query(`DROP TABLE "bookmarks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5a104b265b5b285c281cec328"`);
    await queryRunner.query(`DROP TABLE "mentions"`);
    await queryRunner.query(`DROP TABLE "reactions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21715fae1f647ae1e4b0741346"`);
    await queryRunner.query(`DROP TABLE "post_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f56235fc9e906f7a521e5fee2e"`);
    await queryRunner.query(`DROP TABLE "posts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9921f07d63a5a312dd63ae33a0"`);
    await queryRunner.query(`DROP TABLE "topics"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9cb2a5ee5d6a59afa025f3b96d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_420d9f679d41281f282f5bc7d0"`);
    await queryRunner.query(`DROP TABLE "categories"`);
  }
}
