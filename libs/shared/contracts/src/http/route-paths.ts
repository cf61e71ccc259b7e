/** Route prefixes the API owns; everything else is served to the dashboard SPA. */
export const OPENAI_API_PREFIX = '/v1';
export const INTERNAL_API_PREFIX = '/api';
export const HEALTH_PATH = '/healthz';
export const READINESS_PATH = '/readyz';
export const METRICS_PATH = '/metrics';
export const API_OWNED_PREFIXES = [OPENAI_API_PREFIX, INTERNAL_API_PREFIX, HEALTH_PATH, READINESS_PATH, METRICS_PATH];
