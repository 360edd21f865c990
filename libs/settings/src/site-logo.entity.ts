import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The site's logo (one row at most), re-encoded on upload; apart from site_settings so every settings read stays small. */
@Entity('site_logos')
@Check('site_logos_single_row', 'id = 1')
export class SiteLogo {
  @PrimaryColumn({ type: 'int', default: 1 })
  id: number;

  /** A WebP, at most LOGO_MAX_EDGE pixels on its longer side. */
  @Column({ type: 'bytea' })
  bytes: Buffer;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;
}
