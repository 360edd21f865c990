import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1796152914874 implements MigrationInterface {
  name = 'AddNotifications1796152914874';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("user_id" uuid NOT NULL, "deliveries" jsonb NOT NULL DEFAULT '{}', "digest" character varying(8) NOT NULL DEFAULT 'off', "discreet_emails" boolean NOT NULL DEFAULT false, "last_digest_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_91a7ffebe8b406c4470845d4781" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "actor_id" uuid, "topic_id" uuid, "post_id" uuid, "group_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "group_key" character varying(80), "count" integer NOT NULL DEFAULT '1', "in_app" boolean NOT NULL DEFAULT true, "read_at" TIMESTAMP(3) WITH TIME ZONE, "emailed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_unread_group_key" ON "notifications"  ("user_id", "group_key") WHERE read_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "FK_91a7ffebe8b406c4470845d4781" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_4d4c754e1974b326194c79203fa" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_ec240232d5de44495354f66e053" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_eaba0138c54227e2eafd7288122" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand: the Socket.IO Postgres adapter (several API processes without Redis) passes payloads
    // too large for NOTIFY through this table. It has no entity: only the adapter reads and writes it.
    await queryRunner.query(
      `CREATE TABLE "socket_io_attachments" ("id" bigserial UNIQUE, "created_at" timestamptz DEFAULT now(), "payload" bytea)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "socket_io_attachments"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_eaba0138c54227e2eafd7288122"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_ec240232d5de44495354f66e053"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_4d4c754e1974b326194c79203fa"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_20f8b51fd9655c0b69feed5efc6"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "notification_settings" DROP CONSTRAINT "FK_91a7ffebe8b406c4470845d4781"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_unread_group_key"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
  }
}
