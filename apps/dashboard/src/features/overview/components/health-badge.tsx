import { useHealth } from '../api/get-health';

/** Whether the gateway answers right now (GET /healthz), refreshed every 30 s. */
export function HealthBadge() {
  const health = useHealth();
  const state = health.isPending ? 'checking' : health.data?.status === 'ok' ? 'ok' : 'down';
  const text = state === 'checking' ? 'Checking gateway…' : state === 'ok' ? 'Gateway operational' : 'Gateway unreachable';
  return (
    <span className="health" role="status" data-testid="health-badge" data-state={state}>
      <span
        className={`health__dot${state === 'ok' ? ' health__dot--ok' : state === 'down' ? ' health__dot--down' : ''}`}
        aria-hidden="true"
      />
      {text}
    </span>
  );
}
