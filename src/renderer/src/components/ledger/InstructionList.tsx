import type { ReviewAction, ReviewInstruction, ReviewModel } from '../../../../shared/domain/stake';
import { isolateName } from './isolate-name';
import { formatField, words, type AddressNamer } from './instruction-fields';

const programLabels: Record<ReviewInstruction['program'], string> = {
  system: 'System program',
  stake: 'Stake program',
  computeBudget: 'Compute budget program',
  memo: 'Memo program',
  other: 'Unknown program',
};

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
    [...review.addresses, ...review.mentionedAddresses].map((entry) => [
      entry.address,
      entry.label ?? entry.wellKnownName,
    ]),
  );
  const name: AddressNamer = (address) => {
    const label = labels.get(address);
    return label === undefined || label === null ? address : `${address} (${isolateName(label)})`;
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
