import { routePath } from '../http/route-path';

/**
 * The staff API. `staff` routes answer support and admin users; `admin` routes admins only;
 * customers get 403 and anonymous callers 401 on every one of them.
 */

export const ADMIN_API_PREFIX = '/api/admin';

export const ADMIN_ROUTES = {
  /** Swagger UI (staff); the OpenAPI document is `openApiJson`. */
  docs: '/api/admin/docs',
  openApiJson: '/api/admin/docs/openapi.json',
  /** The Swagger UI page's script and its static files (swagger-ui-dist) */
  docsInitScript: '/api/admin/docs/assets/init.js',
  docsAsset: routePath('/api/admin/docs/assets/:file'),

  // Support and admin
  /** StaffSettings: the limits that shape what staff may do */
  settings: '/api/admin/settings',
  /** `GET ?email&page&pageSize` → Page<AdminUser> (staff); `POST` CreateUserRequest → CreatedUser (admin only) */
  users: '/api/admin/users',
  user: routePath('/api/admin/users/:userId'),
  /** ApiKeyList (never secrets) */
  userKeys: routePath('/api/admin/users/:userId/keys'),
  /** POST AdminActionRequest → ApiKeySummary */
  revokeUserKey: routePath('/api/admin/users/:userId/keys/:keyId/revoke'),
  /** BalanceResponse */
  userBalance: routePath('/api/admin/users/:userId/balance'),
  /** `?page&pageSize&kind` → Page<LedgerEntry> */
  userLedger: routePath('/api/admin/users/:userId/ledger'),
  /** PaymentList */
  userPayments: routePath('/api/admin/users/:userId/payments'),
  /** InvoiceList */
  userInvoices: routePath('/api/admin/users/:userId/invoices'),
  /** application/pdf attachment */
  userInvoicePdf: routePath('/api/admin/users/:userId/invoices/:invoiceId/pdf'),
  /** `?page&pageSize` + UsageFilters → Page<UsageRecord> */
  userUsage: routePath('/api/admin/users/:userId/usage'),
  /** POST CreditAdjustmentRequest → CreditAdjustmentResponse */
  creditAdjustments: routePath('/api/admin/users/:userId/credit-adjustments'),
  /** POST AdminActionRequest → AdminUser */
  disableUser: routePath('/api/admin/users/:userId/disable'),
  enableUser: routePath('/api/admin/users/:userId/enable'),
  /** POST AdminActionRequest → ResetPasswordResponse */
  resetUserPassword: routePath('/api/admin/users/:userId/reset-password'),
  /** AdminRequestDetail */
  request: routePath('/api/admin/requests/:requestId'),

  // Admin only
  /** PUT ChangeRoleRequest → AdminUser */
  userRole: routePath('/api/admin/users/:userId/role'),
  /** AuditLogQuery → Page<AuditLogEntry> */
  auditLog: '/api/admin/audit-log',
  /** GET UpstreamAccountList, POST CreateUpstreamAccountRequest → UpstreamAccount */
  upstreams: '/api/admin/upstreams',
  /** GET UpstreamAccount, PATCH UpdateUpstreamAccountRequest, DELETE (body AdminActionRequest) */
  upstream: routePath('/api/admin/upstreams/:id'),
  /** POST AdminActionRequest → UpstreamAccount */
  disableUpstream: routePath('/api/admin/upstreams/:id/disable'),
  enableUpstream: routePath('/api/admin/upstreams/:id/enable'),
  /** AdminModelList */
  models: '/api/admin/models',
  /** GET AdminModel, PATCH UpdateAdminModelRequest (the id contains a slash: encoded here) */
  model: routePath('/api/admin/models/:modelId'),
  /** POST AdminActionRequest → AdminModel */
  activateModel: routePath('/api/admin/models/:modelId/activate'),
  deactivateModel: routePath('/api/admin/models/:modelId/deactivate'),
  /** POST NewModelPriceRequest → AdminModel (a new price version effective now) */
  modelPrices: routePath('/api/admin/models/:modelId/prices'),
} as const;
