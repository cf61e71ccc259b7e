import { SetMetadata } from '@nestjs/common';

/**
 * How a route authenticates. Every route must declare one (default-deny):
 * - `api-key`: `Authorization: Bearer al-...` (the /v1 gateway)
 * - `session`: a logged-in dashboard user of any role
 * - `staff`: a logged-in `support` or `admin` user
 * - `admin`: a logged-in `admin` user
 */
export type AuthKind = 'api-key' | 'session' | 'staff' | 'admin';
export type AuthRequirement = AuthKind | 'public';

export const AUTH_REQUIREMENT = 'apilink:auth-requirement';

export const Auth = (kind: AuthKind) => SetMetadata(AUTH_REQUIREMENT, kind);
export const Public = () => SetMetadata(AUTH_REQUIREMENT, 'public' satisfies AuthRequirement);
