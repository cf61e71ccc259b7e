import type { UpstreamAccount } from '@apilink/contracts';
import { useState } from 'react';
import { Alert } from '../../../../components/alert';
import { Card } from '../../../../components/card';
import { PageHeader } from '../../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { useUpstreams } from '../api/list-upstreams';
import { UpstreamFormDialog } from '../components/upstream-form-dialog';
import { UpstreamToggleDialog } from '../components/upstream-toggle-dialog';
import { UpstreamsTable } from '../components/upstreams-table';

/** `{ account: null }` is the create form; no object, no dialog. */
type Editing = { account: UpstreamAccount | null } | null;

export function UpstreamsRoute() {
  const upstreams = useUpstreams();
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<UpstreamAccount | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const addButton = (
    <button type="button" className="button" onClick={() => setEditing({ account: null })}>
      Add upstream account
    </button>
  );

  return (
    <>
      <PageHeader
        title="Upstream accounts"
        description="Provider accounts the gateway sends requests to. For the models they list, they take over from the environment and routes-file configuration."
        actions={upstreams.data?.length ? addButton : undefined}
      />
      <div className="stack">
        {notice ? <Alert tone="success" title={notice} /> : null}
        <Card flush>
          {upstreams.isPending ? (
            <LoadingState label="Loading upstream accounts…" />
          ) : upstreams.error ? (
            <ErrorState error={upstreams.error} title="Could not load the upstream accounts" onRetry={() => void upstreams.refetch()} />
          ) : upstreams.data.length === 0 ? (
            <EmptyState title="No upstream accounts yet" action={addButton}>
              Models are routed by the server&apos;s environment configuration until you add an account here.
            </EmptyState>
          ) : (
            <UpstreamsTable accounts={upstreams.data} onEdit={(account) => setEditing({ account })} onToggle={setToggling} />
          )}
        </Card>
      </div>
      <UpstreamFormDialog
        open={editing !== null}
        account={editing?.account ?? null}
        onClose={() => setEditing(null)}
        onSaved={(account, created) => {
          setEditing(null);
          setNotice(created ? `${account.name} is added.` : `${account.name} is saved.`);
        }}
      />
      <UpstreamToggleDialog
        account={toggling}
        onClose={() => setToggling(null)}
        onDone={(account) => {
          setToggling(null);
          setNotice(`${account.name} is ${account.enabled ? 'enabled' : 'disabled'}.`);
        }}
      />
    </>
  );
}
