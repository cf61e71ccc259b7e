import type { AdminUser } from '@apilink/contracts';
import type { UserEntity } from '../entities/user.entity';

export function toAdminUser(user: UserEntity): AdminUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.disabledAt ? 'disabled' : 'active',
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    passwordChangeRequired: user.passwordChangeRequired,
  };
}
