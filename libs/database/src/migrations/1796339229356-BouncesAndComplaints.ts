import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, bounces and complaints: a member's email problem, a mailing copy's soft bounce, and `complained` among
 * a copy's statuses (TypeORM does not see a check whose expression changed under the same name: written by hand).
 */
export class BouncesAndComplaints1796339229356 implements MigrationInterface {
  name = 'BouncesAndComplaints1796339229356';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_problem" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_problem_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mailing_deliveries" ADD "soft_bounced_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_email_problem" CHECK (email_problem IN ('bounced', 'complained'))`);
    await queryRunner.query(`ALTER TABLE "mailing_deliveries" DROP CONSTRAINT "mailing_deliveries_status"`);
    await queryRunner.query(
      `ALTER TABLE "mailing_deliveries" ADD CONSTRAINT "mailing_deliveries_status" CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'interrupted', 'bounced', 'complained'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "mailing_deliveries" SET status = 'sent' WHERE status = 'complained'`);
    await queryRunner.query(`ALTER TABLE "mailing_deliveries" DROP CONSTRAINT "mailing_deliveries_status"`);
    await queryRunner.query(
      `ALTER TABLE "mailing_deliveries" ADD CONSTRAINT "mailing_deliveries_status" CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'interrupted', 'bounced'))`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_email_problem"`);
    await queryRunner.query(`ALTER TABLE "mailing_deliveries" DROP COLUMN "soft_bounced_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_problem_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_problem"`);
  }
}
