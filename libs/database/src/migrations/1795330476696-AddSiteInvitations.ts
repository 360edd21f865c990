import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSiteInvitations1795330476696 implements MigrationInterface {
  name = 'AddSiteInvitations1795330476696';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254), "token_hash" character(64) NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_591b79de803f04a519a60294cda" UNIQUE ("token_hash"), CONSTRAINT "PK_131ab7660090083a375c88ed08a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "site_invitations" ADD CONSTRAINT "FK_a9327fb3fd2c1be7f0fcdafa916" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "site_invitations" DROP CONSTRAINT "FK_a9327fb3fd2c1be7f0fcdafa916"`);
    await queryRunner.query(`DROP TABLE "site_invitations"`);
  }
}
