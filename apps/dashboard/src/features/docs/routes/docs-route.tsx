import { PageHeader } from '../../../components/page-header';

export function DocsRoute() {
  return <PageHeader title="DocsRoute" />;
}
