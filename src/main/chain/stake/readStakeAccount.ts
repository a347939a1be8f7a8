import type { StakeAccountView } from '../../../shared/domain/chain';
import { isWalletError } from '../../../shared/errors';
import { decodeStakeState } from '../decode/stakeState';
import type { FetchedAccount } from '../rpc/accountReads';
import { STAKE_PROGRAM_ID } from '../programIds';
import { computeStakeBalances, type ActivationContext } from './stakeBalances';
import { toStakeAccountView, type DataOrigin } from './stakeAccountView';

/**
 * The result of reading one fetched account as a stake account. not-stake covers accounts of
 * another program and stake accounts without authorities (uninitialized, rewards pool).
 */
export type StakeAccountReading =
  | { kind: 'view'; view: StakeAccountView }
  | { kind: 'not-stake'; address: string }
  | { kind: 'undecodable'; address: string; reason: string };

/**
 * Decodes a fetched account and computes its balances against `context`. A lockup whose
 * custodian is one of `signerKeys` is treated as lifted, since that key can sign.
 */
export function readStakeAccount(
  account: FetchedAccount,
  context: ActivationContext,
  origin: DataOrigin,
  signerKeys: ReadonlySet<string>,
): StakeAccountReading {
  if (account.owner !== STAKE_PROGRAM_ID.toBase58()) {
    return { kind: 'not-stake', address: account.address };
  }

  try {
    const state = decodeStakeState(account.data, account.address);
    if (state.kind !== 'initialized' && state.kind !== 'delegated') {
      return { kind: 'not-stake', address: account.address };
    }

    const { custodian } = state.meta.lockup;
    const balances = computeStakeBalances(state, account.lamports, context, {
      custodian: signerKeys.has(custodian) ? custodian : undefined,
    });
    const view = toStakeAccountView(
      account.address,
      account.lamports,
      state,
      balances,
      origin,
      false,
    );
    return { kind: 'view', view };
  } catch (error) {
    if (isWalletError(error) && error.code === 'ACCOUNT_DECODE_FAILED') {
      return { kind: 'undecodable', address: account.address, reason: error.message };
    }
    throw error;
  }
}

/** True when one of `keys` is the account's staker or withdrawer. */
export function isControlledBy(view: StakeAccountView, keys: ReadonlySet<string>): boolean {
  return keys.has(view.staker) || keys.has(view.withdrawer);
}
