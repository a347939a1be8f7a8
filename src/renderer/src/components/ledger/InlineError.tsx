import type { ErrorDescription } from '../../stores/accounts';

/** Renders an error where it happened, with what went wrong and what to do next. */
export function InlineError({ error }: { error: ErrorDescription }) {
  return (
    <div className="inline-error" role="alert" data-code={error.code}>
      <strong>{error.title}</strong>
      {error.detail !== undefined && <p className="error-detail">{error.detail}</p>}
      <p>{error.nextStep}</p>
    </div>
  );
}
