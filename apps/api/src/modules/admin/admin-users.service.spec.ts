import type { AdminUser, UserRole } from '@apilink/contracts';
import type { AuditContext } from '../audit/audit-actor';
import type { AuditRecord, AuditService } from '../audit/audit.service';
import type { UsersService } from '../auth/users.service';
import type { BalanceService } from '../billing/ledger/balance.service';
import type { CreditAdjustmentService } from '../billing/ledger/credit-adjustment.service';
import type { KeysService } from '../keys/keys.service';
import { AdminUsersService } from './admin-users.service';

const LIMIT = 10_000_000n; // $10

function user(id: string, role: UserRole, disabledAt: string | null = null): AdminUser {
  const status = disabledAt ? 'disabled' : 'active';
  return {
    id,
    email: `${id}@test`,
    name: null,
    role,
    status,
    disabledAt,
    createdAt: new Date().toISOString(),
    passwordChangeRequired: false,
  };
}

function context(role: UserRole, userId = `${role}-1`): AuditContext {
  return { actor: { type: 'user', userId, email: `${userId}@test`, role }, requestId: 'req-1' };
}

function setup(users: AdminUser[]) {
  const byId = new Map(users.map((entry) => [entry.id, entry]));
  const recorded: AuditRecord[] = [];
  const usersService = {
    getById: jest.fn(async (id: string) => byId.get(id)!),
    disable: jest.fn(async (id: string) => ({ ...byId.get(id)!, status: 'disabled', disabledAt: new Date().toISOString() })),
    enable: jest.fn(async (id: string) => ({ ...byId.get(id)!, status: 'active', disabledAt: null })),
    resetPassword: jest.fn(async (id: string) => ({ ...byId.get(id)!, passwordChangeRequired: true })),
    setRole: jest.fn(async (id: string, role: UserRole) => ({ previousRole: byId.get(id)!.role, user: { ...byId.get(id)!, role } })),
  };
  const credits = {
    adjust: jest.fn(async (adjustment: { amountMicros: bigint }) => ({
      entryId: '1',
      balanceAfterMicros: 50_000_000n + adjustment.amountMicros,
      heldAfterMicros: 0n,
    })),
  };
  const audit = {
    record: jest.fn(async (_context: AuditContext, record: AuditRecord) => void recorded.push(record)),
    audited: jest.fn(
      async (_context: AuditContext, work: (manager: unknown) => Promise<{ result: unknown; record: AuditRecord | null }>) => {
        const { result, record } = await work({});
        if (record) recorded.push(record);
        return result;
      },
    ),
  };
  const billing = { balanceResponse: jest.fn(async () => ({ currency: 'USD' })) };
  const service = new AdminUsersService(
    usersService as unknown as UsersService,
    {} as KeysService,
    billing as unknown as BalanceService,
    credits as unknown as CreditAdjustmentService,
    audit as unknown as AuditService,
    { supportCreditAdjustmentLimitMicros: LIMIT, upstreamEncryptionKey: null, upstreamAllowPrivateNetworks: false },
  );
  return { service, usersService, credits, recorded };
}

describe('AdminUsersService', () => {
  describe('adjustCredits', () => {
    it.each([10_000_000n, -10_000_000n])('lets support adjust up to the limit (%s micro-USD), audited by the ledger', async (amount) => {
      const { service, credits } = setup([user('c', 'customer')]);
      const supportContext = context('support');
      await service.adjustCredits(supportContext, 'c', amount, 'ticket');
      expect(credits.adjust).toHaveBeenCalledWith(
        expect.objectContaining({ userId: 'c', kind: 'adjustment', amountMicros: amount, reason: 'ticket' }),
        supportContext,
      );
    });

    it.each([10_000_001n, -10_000_001n])('refuses support above the limit (%s) before any money moves', async (amount) => {
      const { service, credits, recorded } = setup([user('c', 'customer')]);
      await expect(service.adjustCredits(context('support'), 'c', amount, 'ticket')).rejects.toMatchObject({ status: 403 });
      expect(credits.adjust).not.toHaveBeenCalled();
      expect(recorded).toEqual([]);
    });

    it('does not limit admins', async () => {
      const { service, credits } = setup([user('c', 'customer')]);
      await service.adjustCredits(context('admin'), 'c', 1_000_000_000_000n, 'enterprise');
      expect(credits.adjust).toHaveBeenCalledWith(
        expect.objectContaining({ kind: 'adjustment', amountMicros: 1_000_000_000_000n, reference: 'admin:req-1' }),
        expect.objectContaining({ requestId: 'req-1' }),
      );
    });
  });

  describe('disable and enable', () => {
    it('keeps support to customer accounts', async () => {
      const { service, usersService } = setup([user('s2', 'support'), user('a2', 'admin')]);
      await expect(service.disable(context('support'), 's2')).rejects.toMatchObject({ status: 403 });
      await expect(service.disable(context('support'), 'a2')).rejects.toMatchObject({ status: 403 });
      expect(usersService.disable).not.toHaveBeenCalled();
    });

    it('lets admins disable staff, but nobody themselves', async () => {
      const { service, usersService } = setup([user('s2', 'support'), user('admin-1', 'admin')]);
      await service.disable(context('admin'), 's2');
      expect(usersService.disable).toHaveBeenCalledWith('s2');
      await expect(service.disable(context('admin'), 'admin-1')).rejects.toMatchObject({ status: 403 });
    });

    it('records nothing when the account already is in that state', async () => {
      const { service, usersService, recorded } = setup([user('c', 'customer', new Date().toISOString())]);
      await service.disable(context('support'), 'c');
      expect(usersService.disable).not.toHaveBeenCalled();
      expect(recorded).toEqual([]);
    });
  });

  describe('resetPassword', () => {
    it('answers a fresh generated password, stores it through UsersService and audits without it', async () => {
      const { service, usersService, recorded } = setup([user('c', 'customer')]);
      const first = await service.resetPassword(context('support'), 'c', 'ticket 9');
      const second = await service.resetPassword(context('support'), 'c');
      expect(first.oneTimePassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(second.oneTimePassword).not.toBe(first.oneTimePassword);
      expect(usersService.resetPassword).toHaveBeenNthCalledWith(1, 'c', first.oneTimePassword, {});
      expect(first.user.passwordChangeRequired).toBe(true);
      expect(recorded[0]).toMatchObject({ action: 'user.password_reset', targetId: 'c', reason: 'ticket 9' });
      expect(JSON.stringify(recorded)).not.toContain(first.oneTimePassword);
    });

    it('follows the disable rules: support on customers only, nobody on themselves', async () => {
      const { service, usersService } = setup([user('s2', 'support'), user('admin-1', 'admin'), user('support-1', 'support')]);
      await expect(service.resetPassword(context('support'), 's2')).rejects.toMatchObject({ status: 403 });
      await expect(service.resetPassword(context('support'), 'support-1')).rejects.toMatchObject({ status: 403 });
      await expect(service.resetPassword(context('admin'), 'admin-1')).rejects.toMatchObject({ status: 403 });
      expect(usersService.resetPassword).not.toHaveBeenCalled();
      await service.resetPassword(context('admin'), 's2');
      expect(usersService.resetPassword).toHaveBeenCalledWith('s2', expect.any(String), {});
    });
  });

  describe('changeRole', () => {
    it('refuses changing your own role, so the acting admin always remains', async () => {
      const { service, usersService } = setup([user('admin-1', 'admin')]);
      await expect(service.changeRole(context('admin'), 'admin-1', 'customer')).rejects.toMatchObject({ status: 403 });
      expect(usersService.setRole).not.toHaveBeenCalled();
    });

    it('records the change, and nothing when the role is the same', async () => {
      const { service, recorded } = setup([user('c', 'customer')]);
      await service.changeRole(context('admin'), 'c', 'customer');
      expect(recorded).toEqual([]);
      await service.changeRole(context('admin'), 'c', 'support', 'hired');
      expect(recorded).toEqual([
        expect.objectContaining({ action: 'user.role_changed', before: { role: 'customer' }, after: { role: 'support' }, reason: 'hired' }),
      ]);
    });
  });
});
