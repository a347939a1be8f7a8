import type { ReviewAction, ReviewInstruction, ReviewModel } from '../../../../shared/domain/stake';
import { formatSol } from './format';

const programLabels: Record<ReviewInstruction['program'], string> = {
  system: 'System program',
  stake: 'Stake program',
  computeBudget: 'Compute budget program',
  memo: 'Memo program',
  other: 'Unknown program',
};

/** Turns a camelCase key such as `newAuthority` into words: "new authority". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

type AddressNamer = (address: string) => string;

function formatField(key: string, value: unknown, name: AddressNamer): string {
  if (value === null || value === undefined) {
    return 'none';
  }
  if (typeof value === 'string') {
    return /lamports$/i.test(key) && /^\d+$/.test(value)
      ? `${formatSol(value)} (${value} lamports)`
      : name(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'none'
      : value.map((item) => formatField(key, item, name)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([innerKey, inner]) => `${words(innerKey)}: ${formatField(innerKey, inner, name)}`)
      .join('; ');
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function ActionFields({ action, name }: { action: ReviewAction; name: AddressNamer }) {
  const fields = Object.entries(action).filter(([key]) => key !== 'kind');
  if (fields.length === 0) {
    return null;
  }
  return (
    <dl className="fields">
      {fields.map(([key, value]) => (
        <div key={key}>
          <dt>{words(key)}</dt>
          <dd className="mono">{formatField(key, value, name)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Renders every instruction of the message with its program, action and all of its fields. */
export function InstructionList({ review }: { review: ReviewModel }) {
  const labels = new Map(
    review.addresses.map((entry) => [entry.address, entry.label ?? entry.wellKnownName]),
  );
  const name: AddressNamer = (address) => {
    const label = labels.get(address);
    return label === undefined || label === null ? address : `${address} (${label})`;
  };

  return (
    <ol className="instruction-list" aria-label="Instructions">
      {review.instructions.map((instruction) => (
        <li key={instruction.index}>
          <h4>
            {instruction.index + 1}. {programLabels[instruction.program]}:{' '}
            {words(instruction.action.kind)}
          </h4>
          <p>{instruction.summary}</p>
          {instruction.program === 'other' && (
            <p className="mono">Program {instruction.programId}</p>
          )}
          <ActionFields action={instruction.action} name={name} />
        </li>
      ))}
    </ol>
  );
}
