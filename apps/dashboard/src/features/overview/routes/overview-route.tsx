import { PageHeader } from '../../../components/page-header';
import { HealthBadge } from '../components/health-badge';
import { OverviewStats } from '../components/overview-stats';
import { QuickstartCard } from '../components/quickstart-card';
import { UsageChartCard } from '../components/usage-chart-card';

export function OverviewRoute() {
  return (
    <>
      <PageHeader title="Overview" description="Your balance, spend and traffic at a glance." actions={<HealthBadge />} />
      <div className="stack">
        <OverviewStats />
        <UsageChartCard />
        <QuickstartCard />
      </div>
    </>
  );
}
