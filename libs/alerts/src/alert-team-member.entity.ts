import { CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '@harbour/accounts';

/** A member admins named to the alert team (admins are on it by their role). Never shown outside the admin pages. */
@Entity('alert_team_members')
export class AlertTeamMember {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz', precision: 3 })
  addedAt: Date;
}
