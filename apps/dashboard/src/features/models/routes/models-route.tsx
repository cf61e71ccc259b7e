import { PageHeader } from '../../../components/page-header';

export function ModelsRoute() {
  return <PageHeader title="ModelsRoute" />;
}
