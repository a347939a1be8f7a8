import { useId, useState } from 'react';

/** Renders a read-only value with a button that copies it to the clipboard. */
export function CopyField({
  label,
  value,
  rows = 1,
}: {
  label: string;
  value: string;
  rows?: number;
}) {
  const id = useId();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="mono" readOnly rows={rows} value={value} />
      <div className="button-row">
        <button type="button" onClick={copy}>
          Copy {label.toLowerCase()}
        </button>
        <span role="status">
          {copied === 'copied' && 'Copied.'}
          {copied === 'failed' && 'Copying failed; select the text and copy it by hand.'}
        </span>
      </div>
    </div>
  );
}
