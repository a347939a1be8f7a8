import { PageHeader } from '../components/PageHeader';

export function ActivityPage() {
  return (
    <>
      <PageHeader title="Activity" />
      <p className="empty-state">Each signature request and transaction appears here.</p>
    </>
  );
}
