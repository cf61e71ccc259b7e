import { PageHeader } from '../../../components/page-header';

export function CreditsRoute() {
  return <PageHeader title="CreditsRoute" />;
}
