import { PageHeader } from '../../../components/page-header';
import { HealthBadge } from '../components/health-badge';
import { QuickstartCard } from '../components/quickstart-card';

export function OverviewRoute() {
  return (
    <>
      <PageHeader title="Overview" description="Your balance, spend and traffic at a glance." actions={<HealthBadge />} />
      <div className="stack">
        <QuickstartCard />
      </div>
    </>
  );
}
