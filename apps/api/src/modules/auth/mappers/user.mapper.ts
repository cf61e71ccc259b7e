import type { CurrentUser } from '@apilink/contracts';
import type { UserEntity } from '../entities/user.entity';

export function toCurrentUser(user: UserEntity): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    passwordChangeRequired: user.passwordChangeRequired,
  };
}
