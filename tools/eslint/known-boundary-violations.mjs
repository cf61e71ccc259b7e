// Imports that break tools/eslint/boundaries.mjs today, as "importer -> target". This list only
// shrinks: fix an entry (a service returning a contract type, a shared piece moved out) and delete it.
// A new violation fails lint.
export const KNOWN_BOUNDARY_VIOLATIONS = [
  // The operator CLI maps entities itself; KeysService/UsersService should return contract types.
  'apps/api/src/cli/commands/keys-create.command -> apps/api/src/modules/keys/mappers/api-key.mapper',
  'apps/api/src/cli/commands/keys-list.command -> apps/api/src/modules/keys/mappers/api-key.mapper',
  'apps/api/src/cli/commands/keys-revoke.command -> apps/api/src/modules/keys/mappers/api-key.mapper',
  'apps/api/src/cli/commands/users-create.command -> apps/api/src/modules/auth/mappers/user.mapper',
  // Admin pages mapping another module's entities.
  'apps/api/src/modules/admin/admin-audit.controller -> apps/api/src/modules/audit/mappers/audit-log-entry.mapper',
  'apps/api/src/modules/admin/admin-requests.service -> apps/api/src/modules/billing/mappers/usage-record.mapper',
  'apps/api/src/modules/admin/admin-upstreams.controller -> apps/api/src/modules/upstreams/mappers/upstream-account.mapper',
  // Support pages for one user: AdminUsersController still maps billing, payments, invoices and keys entities.
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/billing/dto/ledger-query.dto',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/billing/dto/usage-page-query.dto',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/billing/mappers/balance.mapper',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/billing/mappers/ledger-entry.mapper',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/payments/mappers/payment.mapper',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/billing/mappers/usage-record.mapper',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/invoices/mappers/invoice.mapper',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/invoices/mappers/invoice-pdf-file.mapper',
  'apps/api/src/modules/admin/admin-users.controller -> apps/api/src/modules/keys/mappers/api-key.mapper',
  'apps/api/src/modules/admin/admin-users.service.spec -> apps/api/src/modules/auth/entities/user.entity',
  'apps/api/src/modules/admin/admin-users.service -> apps/api/src/modules/auth/entities/user.entity',
  'apps/api/src/modules/admin/admin-users.service -> apps/api/src/modules/keys/entities/api-key.entity',
  'apps/api/src/modules/admin/mappers/admin-user.mapper -> apps/api/src/modules/auth/entities/user.entity',
  // Staff pages reuse another staff feature's query: move them to a shared admin api/ when touched.
  'apps/dashboard/src/features/admin/audit-log/api/list-audit-log -> apps/dashboard/src/features/admin/users/api/search-users',
  'apps/dashboard/src/features/admin/upstreams/components/upstream-form-dialog -> apps/dashboard/src/features/admin/models/api/list-catalog-models',
];
