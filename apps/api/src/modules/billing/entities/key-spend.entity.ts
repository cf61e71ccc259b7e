import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintTransformer as bigint } from '../../../database/bigint.transformer';

/**
 * What each API key has spent and holds, for its spend cap. Kept by billing rather than on the
 * key row so the reservation locks billing's rows only; no foreign key to api_keys because
 * money records outlive keys.
 */
@Entity('api_key_spend')
@Check('CHK_api_key_spend_spent', `"spent_micros" >= 0`)
@Check('CHK_api_key_spend_held', `"held_micros" >= 0`)
export class KeySpendEntity {
  @PrimaryColumn({ name: 'key_id', type: 'uuid', primaryKeyConstraintName: 'PK_api_key_spend' })
  keyId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('UserEntity')
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_api_key_spend_user' })
  user?: unknown;

  @Column({ name: 'spent_micros', type: 'bigint', default: 0, transformer: bigint })
  spentMicros: bigint;

  @Column({ name: 'held_micros', type: 'bigint', default: 0, transformer: bigint })
  heldMicros: bigint;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
