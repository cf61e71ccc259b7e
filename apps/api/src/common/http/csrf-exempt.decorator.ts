import { SetMetadata } from '@nestjs/common';

/** Metadata key the CSRF guard reads. */
export const CSRF_EXEMPT = 'apilink:csrf-exempt';

/**
 * For a route other servers call with their own proof of origin (Stripe's signed webhook), never
 * with the session cookie, so there is no session to forge and no way for them to add the header.
 */
export const CsrfExempt = () => SetMetadata(CSRF_EXEMPT, true);
