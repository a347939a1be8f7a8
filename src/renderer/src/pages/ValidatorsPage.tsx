import { PageHeader } from '../components/PageHeader';

export function ValidatorsPage() {
  return (
    <>
      <PageHeader title="Validators" />
      <p className="empty-state">
        Validators of the cluster, with their performance, appear here once the network is
        reachable.
      </p>
    </>
  );
}
