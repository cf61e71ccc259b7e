/**
 * The staff API. `staff` routes answer support and admin users; `admin` routes admins only;
 * customers get 403 and anonymous callers 401 on every one of them.
 */
const id = (value: string) => encodeURIComponent(value);

export const ADMIN_API_PREFIX = '/api/admin';

export const ADMIN_ROUTES = {
  /** Swagger UI (staff); the OpenAPI document is `openApiJson`. */
  docs: '/api/admin/docs',
  openApiJson: '/api/admin/docs/openapi.json',

  // Support and admin
  /** StaffSettings: the limits that shape what staff may do */
  settings: '/api/admin/settings',
  /** `?email&page&pageSize` → Page<AdminUser> */
  users: '/api/admin/users',
  user: (userId: string) => `/api/admin/users/${id(userId)}`,
  /** ApiKeyList (never secrets) */
  userKeys: (userId: string) => `/api/admin/users/${id(userId)}/keys`,
  /** POST AdminActionRequest → ApiKeySummary */
  revokeUserKey: (userId: string, keyId: string) => `/api/admin/users/${id(userId)}/keys/${id(keyId)}/revoke`,
  /** BalanceResponse */
  userBalance: (userId: string) => `/api/admin/users/${id(userId)}/balance`,
  /** `?page&pageSize&kind` → Page<LedgerEntry> */
  userLedger: (userId: string) => `/api/admin/users/${id(userId)}/ledger`,
  /** PaymentList */
  userPayments: (userId: string) => `/api/admin/users/${id(userId)}/payments`,
  /** InvoiceList */
  userInvoices: (userId: string) => `/api/admin/users/${id(userId)}/invoices`,
  /** application/pdf attachment */
  userInvoicePdf: (userId: string, invoiceId: string) => `/api/admin/users/${id(userId)}/invoices/${id(invoiceId)}/pdf`,
  /** `?page&pageSize` + UsageFilters → Page<UsageRecord> */
  userUsage: (userId: string) => `/api/admin/users/${id(userId)}/usage`,
  /** POST CreditAdjustmentRequest → CreditAdjustmentResponse */
  creditAdjustments: (userId: string) => `/api/admin/users/${id(userId)}/credit-adjustments`,
  /** POST AdminActionRequest → AdminUser */
  disableUser: (userId: string) => `/api/admin/users/${id(userId)}/disable`,
  enableUser: (userId: string) => `/api/admin/users/${id(userId)}/enable`,
  /** AdminRequestDetail */
  request: (requestId: string) => `/api/admin/requests/${id(requestId)}`,

  // Admin only
  /** PUT ChangeRoleRequest → AdminUser */
  userRole: (userId: string) => `/api/admin/users/${id(userId)}/role`,
  /** AuditLogQuery → Page<AuditLogEntry> */
  auditLog: '/api/admin/audit-log',
  /** GET UpstreamAccountList, POST CreateUpstreamAccountRequest → UpstreamAccount */
  upstreams: '/api/admin/upstreams',
  /** GET UpstreamAccount, PATCH UpdateUpstreamAccountRequest, DELETE (body AdminActionRequest) */
  upstream: (upstreamId: string) => `/api/admin/upstreams/${id(upstreamId)}`,
  /** POST AdminActionRequest → UpstreamAccount */
  disableUpstream: (upstreamId: string) => `/api/admin/upstreams/${id(upstreamId)}/disable`,
  enableUpstream: (upstreamId: string) => `/api/admin/upstreams/${id(upstreamId)}/enable`,
  /** AdminModelList */
  models: '/api/admin/models',
  /** GET AdminModel, PATCH UpdateAdminModelRequest (the id contains a slash: encoded here) */
  model: (modelId: string) => `/api/admin/models/${id(modelId)}`,
  /** POST AdminActionRequest → AdminModel */
  activateModel: (modelId: string) => `/api/admin/models/${id(modelId)}/activate`,
  deactivateModel: (modelId: string) => `/api/admin/models/${id(modelId)}/deactivate`,
  /** POST NewModelPriceRequest → AdminModel (a new price version effective now) */
  modelPrices: (modelId: string) => `/api/admin/models/${id(modelId)}/prices`,
} as const;
