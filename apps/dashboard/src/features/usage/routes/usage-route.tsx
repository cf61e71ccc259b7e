import { PageHeader } from '../../../components/page-header';

export function UsageRoute() {
  return <PageHeader title="UsageRoute" />;
}
