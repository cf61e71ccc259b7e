import type { UserRole } from '@apilink/contracts';
import type { TestApp } from '../../../support/test-app';
import { TestSession } from '../../../support/test-session';

export interface StaffSessions {
  customer: TestSession;
  support: TestSession;
  admin: TestSession;
}

/** One session per role, each with a unique email. */
export async function staffSessions(testApp: TestApp): Promise<StaffSessions> {
  const make = (role: UserRole) => TestSession.create(testApp, { role, withKey: role === 'customer' });
  const [customer, support, admin] = await Promise.all([make('customer'), make('support'), make('admin')]);
  return { customer, support, admin };
}

/** A fresh 32-byte key for UPSTREAM_ENCRYPTION_KEY. */
export const TEST_UPSTREAM_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Catalog models no other test file uses: upstream routes and model switches made here are
 * shared by every app booted on the e2e database, so they must not touch anyone else's models.
 */
export const ADMIN_TEST_MODELS = {
  routed: 'nebius/Qwen/Qwen3-32B',
  rerouted: 'nebius/google/gemma-3-27b-it',
  managed: 'nebius/NousResearch/Hermes-4-70B',
  propagated: 'cerebras/zai-glm-4.7',
} as const;
