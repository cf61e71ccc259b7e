export type HealthStatus = 'ok' | 'unavailable';

export interface HealthResponse {
  status: HealthStatus;
}

export interface ReadinessResponse {
  status: HealthStatus;
  checks: Record<string, HealthStatus>;
}
