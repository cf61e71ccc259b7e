/** The account's history in tabs (WAI-ARIA tabs: arrow keys move between them); only the open tab loads. */
import type { ApiKeySummary } from '@apilink/contracts';
import { useId, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Card } from '../../../../components/card';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/query-state';
import { PageNav } from '../../components/page-nav';
import { useUserLedger } from '../api/list-user-ledger';
import { useUserInvoices } from '../api/list-user-invoices';
import { useUserPayments } from '../api/list-user-payments';
import { useUserUsage } from '../api/list-user-usage';
import { InvoicesTable } from './invoices-table';
import { LedgerTable } from './ledger-table';
import { PaymentsTable } from './payments-table';
import { UsageLogTable } from '../../../../components/usage-log-table';
import { requestPath } from '../../request-path';

const TABS = [
  { id: 'usage', label: 'Requests' },
  { id: 'ledger', label: 'Ledger' },
  { id: 'payments', label: 'Payments' },
  { id: 'invoices', label: 'Invoices' },
] as const;

type TabId = (typeof TABS)[number]['id'];

export function UserHistoryCard({ userId, keys }: { userId: string; keys: ApiKeySummary[] }) {
  // Tab and page live in the URL, so a link to "this customer's ledger, page 3" works.
  const [params, setParams] = useSearchParams();
  const active: TabId = TABS.find((tab) => tab.id === params.get('tab'))?.id ?? 'usage';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const baseId = useId();

  const show = (tab: TabId, nextPage = 1) => {
    const next = new URLSearchParams();
    if (tab !== 'usage') next.set('tab', tab);
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((tab) => tab.id === active);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    show(next.id);
    document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
  };

  const keyMap = new Map(keys.map((key) => [key.id, key]));

  return (
    <Card flush>
      <div className="tabs tabs--card" role="tablist" aria-label="Account history" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`${baseId}-tab-${tab.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.id === active}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => show(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={`${baseId}-panel`} role="tabpanel" aria-labelledby={`${baseId}-tab-${active}`}>
        {active === 'usage' ? (
          <UsagePanel userId={userId} page={page} keys={keyMap} onPage={(next) => show('usage', next)} />
        ) : active === 'ledger' ? (
          <LedgerPanel userId={userId} page={page} onPage={(next) => show('ledger', next)} />
        ) : active === 'payments' ? (
          <PaymentsPanel userId={userId} />
        ) : (
          <InvoicesPanel userId={userId} />
        )}
      </div>
    </Card>
  );
}

interface PagedPanelProps {
  userId: string;
  page: number;
  onPage: (page: number) => void;
}

function UsagePanel({ userId, page, onPage, keys }: PagedPanelProps & { keys: Map<string, ApiKeySummary> }) {
  const usage = useUserUsage(userId, page);
  if (usage.isPending) return <LoadingState label="Loading requests…" />;
  if (usage.error) return <ErrorState error={usage.error} title="Could not load the requests" onRetry={() => void usage.refetch()} />;
  if (usage.data.total === 0) return <EmptyState title="No requests yet">This account has not called the gateway.</EmptyState>;
  return (
    <>
      <UsageLogTable
        records={usage.data.data}
        keyNames={keys}
        testId="user-usage-table"
        requestLink={(record, time) => (
          <Link to={requestPath(record.requestId)} aria-label={`Request ${record.requestId}`}>
            {time}
          </Link>
        )}
      />
      <PageNav page={page} pageSize={usage.data.pageSize} total={usage.data.total} noun="requests" onPage={onPage} />
    </>
  );
}

function LedgerPanel({ userId, page, onPage }: PagedPanelProps) {
  const ledger = useUserLedger(userId, page);
  if (ledger.isPending) return <LoadingState label="Loading the ledger…" />;
  if (ledger.error) return <ErrorState error={ledger.error} title="Could not load the ledger" onRetry={() => void ledger.refetch()} />;
  if (ledger.data.total === 0) return <EmptyState title="No ledger entries">Credits added or spent appear here.</EmptyState>;
  return (
    <>
      <LedgerTable entries={ledger.data.data} />
      <PageNav page={page} pageSize={ledger.data.pageSize} total={ledger.data.total} noun="entries" onPage={onPage} />
    </>
  );
}

function PaymentsPanel({ userId }: { userId: string }) {
  const payments = useUserPayments(userId);
  if (payments.isPending) return <LoadingState label="Loading payments…" />;
  if (payments.error)
    return <ErrorState error={payments.error} title="Could not load the payments" onRetry={() => void payments.refetch()} />;
  if (payments.data.length === 0) return <EmptyState title="No payments">This account has not topped up.</EmptyState>;
  return <PaymentsTable payments={payments.data} />;
}

function InvoicesPanel({ userId }: { userId: string }) {
  const invoices = useUserInvoices(userId);
  if (invoices.isPending) return <LoadingState label="Loading invoices…" />;
  if (invoices.error)
    return <ErrorState error={invoices.error} title="Could not load the invoices" onRetry={() => void invoices.refetch()} />;
  if (invoices.data.length === 0) return <EmptyState title="No invoices">Invoices are issued for completed payments.</EmptyState>;
  return <InvoicesTable userId={userId} invoices={invoices.data} />;
}
