import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepliesByEmail1796339148719 implements MigrationInterface {
  name = 'RepliesByEmail1796339148719';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "email_originals" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "message_key" character varying(64) NOT NULL, "post_id" uuid, "conversation_message_id" uuid, "raw" bytea, "claimed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "email_originals_once" UNIQUE ("user_id", "message_key"), CONSTRAINT "PK_f3b5f6d320aac6f787a9719ccff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "reply_addresses" ("id" BIGSERIAL NOT NULL, "token_hash" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "topic_id" uuid, "conversation_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_39d90419e03c503965dfb35e275" UNIQUE ("token_hash"), CONSTRAINT "reply_addresses_one_target" CHECK ((topic_id IS NULL) <> (conversation_id IS NULL)), CONSTRAINT "PK_d9391c6896d1b68583fe4888a4d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "reply_addresses_expired" ON "reply_addresses"  ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "email_originals_post" ON "email_originals"  ("post_id") `);
    await queryRunner.query(`ALTER TABLE "posts" ADD "via_email" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "email_originals" ADD CONSTRAINT "FK_b20fe94a2380b70bd3d37da6b67" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_originals" ADD CONSTRAINT "FK_09ee8746fb80898ccc48858fbd7" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "email_originals" ADD CONSTRAINT "FK_e12c0ec7c04cca432b1b25e362e" FOREIGN KEY ("conversation_message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reply_addresses" ADD CONSTRAINT "FK_0b899d087ea1e55c7a5943eb52c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reply_addresses" ADD CONSTRAINT "FK_5b5a37d8e3caa0ea7ca7c1eaf85" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reply_addresses" ADD CONSTRAINT "FK_f7372ed58e8ffd695ef9f3b2f3f" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reply_addresses" DROP CONSTRAINT "FK_f7372ed58e8ffd695ef9f3b2f3f"`);
    await queryRunner.query(`ALTER TABLE "reply_addresses" DROP CONSTRAINT "FK_5b5a37d8e3caa0ea7ca7c1eaf85"`);
    await queryRunner.query(`ALTER TABLE "reply_addresses" DROP CONSTRAINT "FK_0b899d087ea1e55c7a5943eb52c"`);
    await queryRunner.query(`ALTER TABLE "email_originals" DROP CONSTRAINT "FK_e12c0ec7c04cca432b1b25e362e"`);
    await queryRunner.query(`ALTER TABLE "email_originals" DROP CONSTRAINT "FK_09ee8746fb80898ccc48858fbd7"`);
    await queryRunner.query(`ALTER TABLE "email_originals" DROP CONSTRAINT "FK_b20fe94a2380b70bd3d37da6b67"`);
    await queryRunner.query(`ALTER TABLE "posts" DROP COLUMN "via_email"`);
    await queryRunner.query(`DROP INDEX "public"."email_originals_post"`);
    await queryRunner.query(`DROP INDEX "public"."reply_addresses_expired"`);
    await queryRunner.query(`DROP TABLE "reply_addresses"`);
    await queryRunner.query(`DROP TABLE "email_originals"`);
  }
}
