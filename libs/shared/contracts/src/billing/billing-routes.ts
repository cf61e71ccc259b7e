import { routePath } from '../http/route-path';

/** Routes of the billing API. `/api/*` use the session cookie; `/v1/credits` an API key. */
export const CREDITS_PATH = '/v1/credits';

export const BILLING_ROUTES = {
  balance: '/api/billing/balance',
  /** `?page&pageSize&kind` */
  ledger: '/api/billing/ledger',
  /** `?page&pageSize` + UsageFilters */
  usage: '/api/billing/usage',
  usageByRequest: routePath('/api/billing/usage/requests/:requestId'),
  /** UsageFilters; totals per model */
  usageByModel: '/api/billing/usage/models',
  /** DailyUsageQuery; totals per calendar day in the caller's time zone */
  usageDaily: '/api/billing/usage/daily',
  /** UsageFilters; text/csv attachment */
  usageCsv: '/api/billing/usage/export.csv',
  topUpOptions: '/api/billing/top-up-options',
  checkout: '/api/billing/checkout',
  payments: '/api/billing/payments',
  payment: routePath('/api/billing/payments/:paymentId'),
  testPayment: routePath('/api/billing/test-payments/:paymentId'),
  completeTestPayment: routePath('/api/billing/test-payments/:paymentId/complete'),
  cancelTestPayment: routePath('/api/billing/test-payments/:paymentId/cancel'),
  stripeWebhook: '/api/billing/stripe/webhook',
  details: '/api/billing/details',
  invoices: '/api/billing/invoices',
  invoicePdf: routePath('/api/billing/invoices/:invoiceId/pdf'),
} as const;

const id = (value: string) => encodeURIComponent(value);

/** Dashboard pages the API sends browsers to (checkout return, test checkout). */
export const DASHBOARD_CREDITS_PAGE = '/credits';
export const dashboardTestCheckoutPage = (paymentId: string) => `/credits/test-checkout/${id(paymentId)}`;
