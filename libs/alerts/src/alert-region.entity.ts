import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The site's list of alert regions, in order, with their English and French names: a site setting admins edit
 * (PUT /api/admin/alert-regions). The migration fills in the 13 Canadian provinces and territories.
 */
@Entity('alert_regions')
export class AlertRegion {
  /** `CA-BC`: letters, digits and dashes. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ name: 'name_fr', type: 'varchar', length: 80 })
  nameFr: string;

  @Column({ type: 'int' })
  position: number;
}
