import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '@harbour/accounts';

/** A member's alert choices: the regions they hear of, and whether they turned alerts off altogether. */
@Entity('alert_subscriptions')
// GIN index on regions (a new alert's subscribers), written by hand in the DrugSupplyAlerts migration.
@Index('alert_subscriptions_regions_idx', { synchronize: false })
export class AlertSubscription {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Region codes of the site's list. */
  @Column({ type: 'varchar', length: 16, array: true, default: () => "'{}'" })
  regions: string[];

  /** Unsubscribed from alerts (the preference, or the link in an alert email): no alert reaches them, by any way. */
  @Column({ name: 'alerts_off', type: 'boolean', default: false })
  alertsOff: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
