import type { ReactNode } from 'react';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 id="page-title">{title}</h1>
      {children !== undefined && <div className="page-actions">{children}</div>}
    </div>
  );
}
