import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AUDIT_ACTIONS, type AdminUser, type CurrentUser, type Page } from '@apilink/contracts';
import { IsNull, Like, QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import type { UserRole } from '../../common/auth/principal';
import { ErrorCode } from '@apilink/contracts';
import { AppError } from '../../common/errors/app-error';
import type { AuditContext } from '../audit/audit-actor';
import { AuditService } from '../audit/audit.service';
import { KeysService } from '../keys/keys.service';
import { UserEntity } from './entities/user.entity';
import { toAdminUser } from './mappers/admin-user.mapper';
import { toCurrentUser } from './mappers/user.mapper';
import { PasswordHasher } from './password-hasher';
import { passwordWeakness } from './password-strength';
import { SessionsService } from './sessions.service';

const UNIQUE_VIOLATION = '23505';

/** Emails are compared trimmed and lower-cased, everywhere. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  password: string;
  role?: UserRole;
  /** Staff-created accounts only. */
  name?: string | null;
  /**
   * The password was generated for the person (staff creation), not chosen by them: their
   * sessions are limited to replacing it. Not for the operator CLI or ADMIN_PASSWORD, whose
   * passwords the operator chose for themselves.
   */
  passwordChangeRequired?: boolean;
}

/**
 * Accounts: creation, credentials, password changes and disabling. Other modules (admin, CLI)
 * get accounts as contract types (`AdminUser`, `CurrentUser`); the entity, with its password
 * hash, stays inside auth (`findByEmail`, `verifyCredentials`).
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly keys: KeysService,
    private readonly audit: AuditService,
  ) {}

  /** Whether anyone can reach the staff pages yet (start-up says how to create the first admin). */
  hasAdmin(): Promise<boolean> {
    return this.users.existsBy({ role: 'admin' });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: normalizeEmail(email) } });
  }

  async getById(userId: string): Promise<AdminUser> {
    return toAdminUser(await this.findById(userId));
  }

  async getByEmail(email: string): Promise<AdminUser> {
    const user = await this.findByEmail(email);
    if (!user) throw AppError.notFound(`No user with email ${normalizeEmail(email)}`);
    return toAdminUser(user);
  }

  /** The signed-in user's own view of their account. */
  async currentUser(userId: string): Promise<CurrentUser> {
    return toCurrentUser(await this.findById(userId));
  }

  /** Users whose email contains `fragment` (any case), newest first: the staff search. */
  async search(fragment: string, page: number, pageSize: number): Promise<Page<AdminUser>> {
    const pattern = `%${normalizeEmail(fragment).replace(/[\\%_]/g, '\\$&')}%`;
    const [users, total] = await this.users.findAndCount({
      where: fragment.trim() ? { email: Like(pattern) } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { data: users.map(toAdminUser), page, pageSize, total };
  }

  /**
   * Changes a user's role (admin module). Sessions read the role on every request, so it applies
   * at once. With `manager` (inside a transaction) the row is locked and the change joins it.
   */
  async setRole(userId: string, role: UserRole, manager?: EntityManager): Promise<{ previousRole: UserRole; user: AdminUser }> {
    const repository = manager?.getRepository(UserEntity) ?? this.users;
    const user = await repository.findOne({ where: { id: userId }, ...(manager ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw AppError.notFound(`No user with id ${userId}`);
    const previousRole = user.role;
    await repository.update({ id: userId }, { role });
    return { previousRole, user: toAdminUser({ ...user, role }) };
  }

  /**
   * `audit`: who created the account on someone else's behalf (the CLI, staff, the ADMIN_EMAIL
   * bootstrap); a `user.created` entry commits with the account. Self sign-ups pass none.
   */
  async create(
    { email, password, role = 'customer', name = null, passwordChangeRequired = false }: NewUser,
    audit?: AuditContext,
  ): Promise<CurrentUser> {
    requireStrongPassword(password, email, 'password');
    // Hash first: an existing email then costs the same time as a new one.
    const passwordHash = await this.hasher.hash(password);
    try {
      return await this.users.manager.transaction(async (manager) => {
        const users = manager.getRepository(UserEntity);
        const user = await users.save(
          users.create({ email: normalizeEmail(email), passwordHash, role, name, passwordChangeRequired, disabledAt: null }),
        );
        if (audit) {
          const after = name === null ? { email: user.email, role: user.role } : { email: user.email, name, role: user.role };
          await this.audit.record(audit, { action: AUDIT_ACTIONS.UserCreated, targetType: 'user', targetId: user.id, after }, manager);
        }
        return toCurrentUser(user);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw AppError.conflict('An account with this email already exists', 'email');
      }
      throw error;
    }
  }

  /**
   * The user when the password matches, else null. Unknown emails verify against a dummy hash, so
   * both failures take the same time.
   */
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.findByEmail(email);
    if (!user) return this.hasher.verifyDummy(password).then(() => null);
    return (await this.hasher.verify(user.passwordHash, password)) ? user : null;
  }

  /**
   * Changes the password, which also lifts the one-time-password limit on the account, and ends
   * the user's other sessions.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId?: string): Promise<void> {
    const user = await this.findById(userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw AppError.invalidRequest('The current password is incorrect', 'currentPassword');
    }
    // Otherwise "changing" a one-time password to itself would lift the limit and keep a password someone else has seen.
    if (newPassword === currentPassword)
      throw AppError.invalidRequest('Choose a new password different from the current one', 'newPassword');
    requireStrongPassword(newPassword, user.email, 'newPassword');
    await this.users.update({ id: user.id }, { passwordHash: await this.hasher.hash(newPassword), passwordChangeRequired: false });
    await this.sessions.revokeAllForUser(user.id, keepSessionId);
  }

  /**
   * Staff reset (admin module): replaces the password with a generated one-time password, flags the
   * account again and ends all its sessions, joining the caller's transaction. No strength check:
   * the password is generated, never chosen.
   */
  async resetPassword(userId: string, oneTimePassword: string, manager: EntityManager): Promise<AdminUser> {
    // Hashed before the row is locked: the hash is the slow part (as in create).
    const passwordHash = await this.hasher.hash(oneTimePassword);
    const users = manager.getRepository(UserEntity);
    const user = await users.findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw AppError.notFound(`No user with id ${userId}`);
    await users.update({ id: userId }, { passwordHash, passwordChangeRequired: true });
    await this.sessions.revokeAllForUser(userId, undefined, manager);
    return toAdminUser({ ...user, passwordChangeRequired: true });
  }

  /** Ends the user's sessions and stops their API keys on every instance within a second. */
  async disable(userId: string): Promise<AdminUser> {
    await this.users.update({ id: userId, disabledAt: IsNull() }, { disabledAt: () => 'now()' });
    await this.sessions.revokeAllForUser(userId);
    await this.keys.invalidateUser(userId);
    return this.getById(userId);
  }

  async enable(userId: string): Promise<AdminUser> {
    await this.users.update({ id: userId }, { disabledAt: null });
    await this.keys.invalidateUser(userId);
    return this.getById(userId);
  }

  private async findById(userId: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id: userId } });
    if (!user) throw AppError.notFound(`No user with id ${userId}`);
    return user;
  }
}

/** Refuses a guessable password with zxcvbn's reasons; the email's parts count as guessable words. */
function requireStrongPassword(password: string, email: string, param: string): void {
  const [local = '', domain = ''] = normalizeEmail(email).split('@');
  const weakness = passwordWeakness(password, [email, local, domain, 'apilink']);
  if (weakness) throw AppError.invalidRequest(weakness, param, ErrorCode.WeakPassword);
}
