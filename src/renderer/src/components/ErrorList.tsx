import { useErrors } from '../stores/errors';

/** Errors from the main process, each with what went wrong and what to do next. */
export function ErrorList() {
  const errors = useErrors((state) => state.errors);
  const dismiss = useErrors((state) => state.dismiss);

  if (errors.length === 0) {
    return null;
  }
  return (
    <section className="error-list" aria-label="Errors">
      {errors.map((error) => (
        <div key={error.id} className="error-item" role="alert" data-code={error.code}>
          <div>
            <strong>{error.title}</strong>
            {error.detail !== undefined && <p className="error-detail">{error.detail}</p>}
            <p>{error.nextStep}</p>
          </div>
          <button
            type="button"
            onClick={() => dismiss(error.id)}
            aria-label={`Dismiss: ${error.title}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
