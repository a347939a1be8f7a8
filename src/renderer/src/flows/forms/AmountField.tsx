import { useEffect, useId, useState } from 'react';

import type { MaxStakeable, StakeAmount } from '../../../../shared/contract/stake';
import { call } from '../../bridge/wallet';
import { formatSol } from '../../components/chain/amounts';
import { lamportsFromSolText, solTextFromLamports } from '../amount-text';

/** Typed text, or the exact lamports a Max or percentage button filled in. */
export interface AmountValue {
  text: string;
  exactLamports: string | null;
}

export const emptyAmount: AmountValue = { text: '', exactLamports: null };

/** Converts the field to the bridge amount: exact lamports while the text is a button's. */
export function toStakeAmount(value: AmountValue): StakeAmount {
  return value.exactLamports === null
    ? { unit: 'sol', value: value.text }
    : { unit: 'lamports', value: value.exactLamports };
}

const PERCENTAGES = [25, 50, 75] as const;

/**
 * SOL amount with Max and percentage buttons. The buttons and the "at most" hint all come
 * from getMaxStakeable, the same formula the main process checks the amount with.
 */
export function StakeAmountField({
  account,
  validatorCount,
  value,
  onChange,
  label = 'Amount (SOL)',
}: {
  account: string;
  validatorCount: number;
  value: AmountValue;
  onChange: (value: AmountValue) => void;
  label?: string;
}) {
  const id = useId();
  // The maximum is kept with the request it answers, so a change of account or validator
  // count shows no stale maximum while the new one loads.
  const requestKey = `${account}/${validatorCount}`;
  const [answer, setAnswer] = useState<{ key: string; max: MaxStakeable } | null>(null);
  const max = answer?.key === requestKey ? answer.max : null;

  useEffect(() => {
    let current = true;
    call('getMaxStakeable', { account, validatorCount })
      .then((result) => current && setAnswer({ key: `${account}/${validatorCount}`, max: result }))
      .catch(() => current && setAnswer(null));
    return () => {
      current = false;
    };
  }, [account, validatorCount]);

  const fill = async (percent: number | undefined) => {
    const result = await call('getMaxStakeable', {
      account,
      validatorCount,
      ...(percent === undefined ? {} : { percent }),
    });
    setAnswer({ key: requestKey, max: result });
    onChange({
      text: solTextFromLamports(result.amountLamports),
      exactLamports: result.amountLamports,
    });
  };

  const typed = value.exactLamports ?? lamportsFromSolText(value.text)?.toString() ?? null;
  const tooMuch = max !== null && typed !== null && BigInt(typed) > BigInt(max.maxLamports);

  return (
    <div className="amount-field">
      <label htmlFor={id}>{label}</label>
      <div className="amount-row">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={value.text}
          aria-invalid={tooMuch}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange({ text: event.target.value, exactLamports: null })}
        />
        {PERCENTAGES.map((percent) => (
          <button key={percent} type="button" onClick={() => void fill(percent)}>
            {percent} %
          </button>
        ))}
        <button type="button" onClick={() => void fill(undefined)}>
          Max
        </button>
      </div>
      <p id={`${id}-hint`} className={tooMuch ? 'field-error' : 'field-hint'}>
        {max === null
          ? 'Reading the balance…'
          : `${tooMuch ? 'Too much: y' : 'Y'}ou can stake at most ${formatSol(max.maxLamports)}. ${formatSol(max.keptReserveLamports)} stays in the account for the fees of unstaking and withdrawing later.`}
      </p>
    </div>
  );
}
