import { useNavigate, useParams } from 'react-router-dom';
import { Card } from '../../../../components/card';
import { PageHeader } from '../../../../components/page-header';
import { ErrorState, LoadingState } from '../../../../components/query-state';
import { ApiError } from '../../../../lib/api-client';
import { LookupForm } from '../../components/lookup-form';
import { useRequestDetail } from '../api/get-request';
import { RequestDetail } from '../components/request-detail';
import { requestPath } from '../../request-path';

export function RequestRoute() {
  // The id is part of the URL, so a lookup can be pasted into a ticket and opened again.
  const requestId = useParams().requestId;
  const navigate = useNavigate();
  const detail = useRequestDetail(requestId);

  return (
    <>
      <PageHeader
        title="Request lookup"
        description="Paste the request id a customer quotes (every gateway response and error carries one) to see who made the request, where it went and what it cost. Prompts and answers are never stored."
      />
      <div className="stack">
        <Card>
          {/* The id a customer quotes: the `x-request-id` header of any gateway response, or the one in an error. */}
          <LookupForm
            key={requestId}
            name="Look up a request"
            label="Request id"
            buttonLabel="Look up"
            placeholder="e.g. 3f2a9c1e-…"
            mono
            initial={requestId ?? ''}
            onSubmit={(id) => navigate(requestPath(id))}
          />
        </Card>
        {!requestId ? null : detail.isPending ? (
          <LoadingState label="Looking up the request…" />
        ) : detail.error ? (
          detail.error instanceof ApiError && detail.error.status === 404 ? (
            <Card>
              <ErrorState error={detail.error} title="No request with this id" />
              <p className="subtle centered">
                Check the id for typos. Requests show up a few seconds after they finish; only requests that reached the gateway are
                recorded.
              </p>
            </Card>
          ) : (
            <ErrorState error={detail.error} title="Could not look up the request" onRetry={() => void detail.refetch()} />
          )
        ) : (
          <RequestDetail detail={detail.data} />
        )}
      </div>
    </>
  );
}
