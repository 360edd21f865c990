import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DrugSupplyAlerts1796325181863 implements MigrationInterface {
  name = 'DrugSupplyAlerts1796325181863';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "title_fr" character varying(200), "body" text NOT NULL, "body_fr" text, "substance" character varying(200) NOT NULL, "appearance" character varying(1000), "test_result" character varying(1000), "severity" character varying(16) NOT NULL, "regions" character varying(16) array NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "retracted_at" TIMESTAMP(3) WITH TIME ZONE, "author_id" uuid, CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7aac6c795ff36876cd72396d77" ON "alerts"  ("created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "alert_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region" character varying(16) NOT NULL, "substance" character varying(200) NOT NULL, "description" text NOT NULL, "contact" character varying(300), "status" character varying(16) NOT NULL DEFAULT 'open', "alert_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f2543d4ac9fe3490175abcba4c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_306916d975b3f75b636bfb4ed3" ON "alert_reports"  ("status", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "alert_subscriptions" ("user_id" uuid NOT NULL, "regions" character varying(16) array NOT NULL DEFAULT '{}', "alerts_off" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1ab5e4a7a07ebe3e8d2217cefa" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "alert_team_members" ("user_id" uuid NOT NULL, "added_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5de3a63b005b521d00e752e2261" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "alert_regions" ("code" character varying(16) NOT NULL, "name" character varying(80) NOT NULL, "name_fr" character varying(80) NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_99fb9d703d1640446fa0d03d913" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "alerts" ADD CONSTRAINT "FK_4eaaa04ddc864928a29cca79d38" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_reports" ADD CONSTRAINT "FK_fbb40754d0e2df41d699b40b3ee" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_subscriptions" ADD CONSTRAINT "FK_f1ab5e4a7a07ebe3e8d2217cefa" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_team_members" ADD CONSTRAINT "FK_5de3a63b005b521d00e752e2261" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Written by hand (the entities mark them synchronize: false): a region's alerts, a new alert's subscribers.
    await queryRunner.query(`CREATE INDEX "alerts_regions_idx" ON "alerts" USING GIN ("regions")`);
    await queryRunner.query(`CREATE INDEX "alert_subscriptions_regions_idx" ON "alert_subscriptions" USING GIN ("regions")`);
    // The site's regions until admins change them: Canada's provinces and territories (ISO 3166-2:CA).
    await queryRunner.query(
      `INSERT INTO "alert_regions" ("code", "name", "name_fr", "position") VALUES
       ('CA-AB', 'Alberta', 'Alberta', 0),
       ('CA-BC', 'British Columbia', 'Colombie-Britannique', 1),
       ('CA-MB', 'Manitoba', 'Manitoba', 2),
       ('CA-NB', 'New Brunswick', 'Nouveau-Brunswick', 3),
       ('CA-NL', 'Newfoundland and Labrador', 'Terre-Neuve-et-Labrador', 4),
       ('CA-NS', 'Nova Scotia', 'Nouvelle-Écosse', 5),
       ('CA-NT', 'Northwest Territories', 'Territoires du Nord-Ouest', 6),
       ('CA-NU', 'Nunavut', 'Nunavut', 7),
       ('CA-ON', 'Ontario', 'Ontario', 8),
       ('CA-PE', 'Prince Edward Island', 'Île-du-Prince-Édouard', 9),
       ('CA-QC', 'Quebec', 'Québec', 10),
       ('CA-SK', 'Saskatchewan', 'Saskatchewan', 11),
       ('CA-YT', 'Yukon', 'Yukon', 12)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."alert_subscriptions_regions_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alerts_regions_idx"`);
    await queryRunner.query(`ALTER TABLE "alert_team_members" DROP CONSTRAINT "FK_5de3a63b005b521d00e752e2261"`);
    await queryRunner.query(`ALTER TABLE "alert_subscriptions" DROP CONSTRAINT "FK_f1ab5e4a7a07ebe3e8d2217cefa"`);
    await queryRunner.query(`ALTER TABLE "alert_reports" DROP CONSTRAINT "FK_fbb40754d0e2df41d699b40b3ee"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP CONSTRAINT "FK_4eaaa04ddc864928a29cca79d38"`);
    await queryRunner.query(`DROP TABLE "alert_regions"`);
    await queryRunner.query(`DROP TABLE "alert_team_members"`);
    await queryRunner.query(`DROP TABLE "alert_subscriptions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_306916d975b3f75b636bfb4ed3"`);
    await queryRunner.query(`DROP TABLE "alert_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7aac6c795ff36876cd72396d77"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
  }
}
