/** The staff page of one request, linked from usage rows, ledger charges and the audit log. */
export const requestPath = (requestId: string) => `/staff/requests/${encodeURIComponent(requestId)}`;
