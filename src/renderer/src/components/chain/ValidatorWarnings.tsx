import type { ValidatorWarning } from './validator-rows';

/** Short badge text and the sentence that explains it, per kind of warning. */
export function describeWarning(warning: ValidatorWarning): { badge: string; text: string } {
  switch (warning.kind) {
    case 'delinquent':
      return {
        badge: 'Delinquent',
        text: 'Not voting: stake delegated to it earns no rewards until it votes again.',
      };
    case 'superminority':
      return {
        badge: 'Superminority',
        text: 'Among the largest validators that together hold a third of the stake; delegating here concentrates the network further.',
      };
    case 'high-commission':
      return {
        badge: `Commission ${warning.commission} %`,
        text: `Keeps ${warning.commission} % of the rewards.`,
      };
    case 'commission-raised':
      return {
        badge: 'Commission raised',
        text: `Raised commission from ${warning.from} % to ${warning.to} %, seen in epoch ${warning.seenInEpoch}.`,
      };
  }
}

export function ValidatorWarningBadges({ warnings }: { warnings: readonly ValidatorWarning[] }) {
  if (warnings.length === 0) {
    return <span className="muted">none</span>;
  }
  return (
    <ul className="warning-badges">
      {warnings.map((warning) => {
        const { badge, text } = describeWarning(warning);
        return (
          <li key={warning.kind} className="badge" data-warning={warning.kind} title={text}>
            {badge}
            <span className="visually-hidden">: {text}</span>
          </li>
        );
      })}
    </ul>
  );
}
