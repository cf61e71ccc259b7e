import type { UserRole } from '@apilink/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
@Check('CHK_users_role', `"role" IN ('customer', 'support', 'admin')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_users' })
  id: string;

  /** Normalised (trimmed, lower-cased) so uniqueness holds whatever case people type. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  /** argon2id, PHC string format (parameters travel with the hash). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16, default: 'customer' })
  role: UserRole;

  /** The person's name, when staff created the account; null for self sign-ups. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  /**
   * Set on accounts staff create with a generated one-time password; cleared when the person
   * chooses their own. While set, the dashboard session is limited to changing the password.
   */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
