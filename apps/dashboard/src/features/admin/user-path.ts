/** Staff page links, shared by the users, requests and audit-log pages. */
export const userPath = (userId: string) => `/staff/users/${encodeURIComponent(userId)}`;
