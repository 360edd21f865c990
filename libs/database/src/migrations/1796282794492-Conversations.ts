import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private conversations (issue 16): conversations, their participants' rows (read positions; `kind` participant,
 * staff or left), messages with a `simple` full-text index for the member's own inbox search, kept revisions,
 * and notifications pointing at a conversation.
 */
export class Conversations1796282794492 implements MigrationInterface {
  name = 'Conversations1796282794492';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject" character varying(200) NOT NULL, "group_id" uuid, "created_by_id" uuid, "message_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_13a9c2d1dc1f6959e48fe5a7c9" ON "conversations"  ("group_id") `);
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "last_read_number" integer NOT NULL DEFAULT '0', "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdcd6405d74e797f10fa8360338" PRIMARY KEY ("conversation_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e64300aee264f2574336e477b0" ON "conversation_participants"  ("user_id", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "number" integer NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "html" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED NOT NULL, CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    // The generator writes this row without its values: TypeORM's record of the generated column, by hand.
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', 'messages', 'GENERATED_COLUMN', 'search_vector', 'to_tsvector(''simple'', body)')`,
    );
    // Written by hand (the entity says synchronize: false): a member's inbox search.
    await queryRunner.query(`CREATE INDEX "messages_search_vector_idx" ON "messages" USING GIN ("search_vector")`);
    await queryRunner.query(`CREATE INDEX "IDX_05535bc695e9f7ee104616459d" ON "messages"  ("author_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5227c94740cc5a4342b2ac24a1" ON "messages"  ("conversation_id", "number") `);
    await queryRunner.query(
      `CREATE TABLE "message_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" uuid NOT NULL, "body" text NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9bc2c43904342e931b06a584848" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_45f41ee63d44626b0a7c23a14d" ON "message_revisions"  ("message_id") `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "conversation_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_13a9c2d1dc1f6959e48fe5a7c93" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_6e93e2251a9baafc3d56bfdded0" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_1559e8a16b828f2e836a2312800" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_377d4041a495b81ee1a85ae026f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_05535bc695e9f7ee104616459d3" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_revisions" ADD CONSTRAINT "FK_45f41ee63d44626b0a7c23a14d3" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_aa1decb56bb1c681885c376f409" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_aa1decb56bb1c681885c376f409"`);
    await queryRunner.query(`ALTER TABLE "message_revisions" DROP CONSTRAINT "FK_45f41ee63d44626b0a7c23a14d3"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_05535bc695e9f7ee104616459d3"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23"`);
    await queryRunner.query(`ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_377d4041a495b81ee1a85ae026f"`);
    await queryRunner.query(`ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_1559e8a16b828f2e836a2312800"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_6e93e2251a9baafc3d56bfdded0"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_13a9c2d1dc1f6959e48fe5a7c93"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "conversation_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_45f41ee63d44626b0a7c23a14d"`);
    await queryRunner.query(`DROP TABLE "message_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5227c94740cc5a4342b2ac24a1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_05535bc695e9f7ee104616459d"`);
    await queryRunner.query(`DROP INDEX "public"."messages_search_vector_idx"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" = 'messages'`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_e64300aee264f2574336e477b0"`);
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13a9c2d1dc1f6959e48fe5a7c9"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
  }
}
