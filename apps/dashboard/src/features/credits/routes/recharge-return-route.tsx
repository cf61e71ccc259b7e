import { PageHeader } from '../../../components/page-header';

export function RechargeReturnRoute() {
  return <PageHeader title="RechargeReturnRoute" />;
}
