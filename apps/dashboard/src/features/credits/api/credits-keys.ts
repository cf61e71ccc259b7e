/** Query keys of the credits feature; a completed payment invalidates all of them at once. */
export const creditsKeys = {
  all: ['credits'] as const,
  topUpOptions: () => [...creditsKeys.all, 'top-up-options'] as const,
  payments: () => [...creditsKeys.all, 'payments'] as const,
  payment: (id: string) => [...creditsKeys.all, 'payment', id] as const,
  invoices: () => [...creditsKeys.all, 'invoices'] as const,
  details: () => [...creditsKeys.all, 'details'] as const,
  testPayment: (id: string) => [...creditsKeys.all, 'test-payment', id] as const,
};
