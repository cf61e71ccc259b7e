import { SetMetadata } from '@nestjs/common';

/** Metadata key the password-change guard reads. */
export const OPEN_BEFORE_PASSWORD_CHANGE = 'apilink:open-before-password-change';

/**
 * A session route a person with a staff-issued one-time password may use before replacing it:
 * reading who they are, changing the password and logging out. Every other session route is closed
 * to them (PasswordChangeGuard).
 */
export const OpenBeforePasswordChange = () => SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE, true);
