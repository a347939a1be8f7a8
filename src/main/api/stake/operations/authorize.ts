import type { FlowCheck } from '../../../../shared/contract/stake';
import type { StakeAuthorityType } from '../../../../shared/domain/stake';
import type { StoredAccount } from '../../../../shared/domain/store';
import { WalletError } from '../../../../shared/errors';
import {
  assertLockupNotInForce,
  assertSignerIsAuthority,
  buildAuthorize,
  formatSol,
  type AuthorityChange,
  type StakeAccountSnapshot,
} from '../../../stake';
import { isProgramOrSysvar } from '../../../stake/addresses';
import { accountLabel } from '../../ledger/account-views';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { AuthorizeInput, OperationPlan } from '../operation-plan';
import { readAccounts } from '../stake-snapshots';
import { assertTypedAddress } from './address-check';
import { OWN_STAKE_ACCOUNT, shortAddress } from './text';

/**
 * Plans handing the stake or withdraw authority (or both) to another key, signed by this
 * Ledger account as the current authority. The stake program lets the withdrawer change the
 * staker too. A withdrawer change gets a strong warning, because the new withdrawer alone
 * can then take every lamport and change every authority.
 */
export async function planAuthorize(
  input: AuthorizeInput,
  environment: FlowEnvironment,
  ownAccounts: readonly StoredAccount[],
): Promise<OperationPlan> {
  for (const change of input.changes) {
    assertTypedAddress('prepareAuthorize', 'newAuthority', change.newAuthority);
  }
  const reading = await readAccounts(environment.chain, [input.stakeAccount], environment.signal);
  const snapshot = reading.stakeAccount(input.stakeAccount);
  const signer = environment.signer.publicKey;
  const { authorized } = snapshot.state.meta;

  const checks: FlowCheck[] = [];
  for (const change of input.changes) {
    assertNewAuthority(change.newAuthority, change.authorityType, snapshot);
    if (change.authorityType === 'withdrawer') {
      assertSignerIsAuthority(snapshot, 'withdrawer', signer);
      // Changing the withdrawer during a lockup needs the custodian's signature.
      assertLockupNotInForce(snapshot, reading.time);
      checks.push(withdrawerWarning(change.newAuthority, snapshot, ownAccounts));
    } else if (authorized.withdrawer !== signer) {
      assertSignerIsAuthority(snapshot, 'staker', signer);
    }
  }
  checks.unshift({
    check: 'authority',
    outcome: 'passed',
    text: `This Ledger account may change ${input.changes.map((change) => authorityName(change.authorityType)).join(' and ')} of ${input.stakeAccount}.`,
  });

  const changes = input.changes.map((change): AuthorityChange => ({
    authorityType: change.authorityType,
    newAuthority: toPublicKey(change.newAuthority),
  }));
  const built = buildAuthorize(
    {
      stakeAccount: toPublicKey(input.stakeAccount),
      changes: toChangeList(changes),
    },
    buildContextOf(environment),
  );

  const summary = input.changes
    .map(
      (change) =>
        `Give ${authorityName(change.authorityType)} of ${shortAddress(input.stakeAccount)} to ${shortAddress(change.newAuthority)}`,
    )
    .join('; ');
  return {
    operation: 'authorize',
    summary,
    checks,
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: 0n,
        rebuildRequest: { operation: 'authorize', input },
      },
    ],
    followUp: null,
    balances: new Map([[input.stakeAccount, snapshot.lamports]]),
    labels: new Map([[input.stakeAccount, OWN_STAKE_ACCOUNT]]),
  };
}

function assertNewAuthority(
  newAuthority: string,
  authorityType: StakeAuthorityType,
  snapshot: StakeAccountSnapshot,
): void {
  const current = snapshot.state.meta.authorized[authorityType];
  const reason =
    newAuthority === snapshot.address
      ? 'sameAsStakeAccount'
      : isProgramOrSysvar(newAuthority)
        ? 'programOrSysvar'
        : newAuthority === current
          ? 'unchanged'
          : null;
  if (reason === null) {
    return;
  }

  const text = {
    sameAsStakeAccount: 'it is the stake account itself, which can never sign',
    programOrSysvar: 'it is a program or sysvar address, which can never sign',
    unchanged: `it is already ${authorityName(authorityType)}`,
  }[reason];
  throw new WalletError(
    'NEW_AUTHORITY_INVALID',
    { newAuthority, reason },
    `${newAuthority} cannot become ${authorityName(authorityType)}: ${text}.`,
  );
}

function withdrawerWarning(
  newAuthority: string,
  snapshot: StakeAccountSnapshot,
  ownAccounts: readonly StoredAccount[],
): FlowCheck {
  const own = ownAccounts.find((account) => account.publicKey === newAuthority);
  const holder =
    own === undefined
      ? `${newAuthority}, which is not one of your Ledger accounts,`
      : `your Ledger account ${accountLabel(own)}`;
  return {
    check: 'withdrawerChange',
    outcome: 'warning',
    text: `After this, only ${holder} can withdraw the ${formatSol(snapshot.lamports)} in this stake account or change its authorities. This Ledger account loses that control and cannot take it back.`,
  };
}

/** Converts the changes to the one- or two-element tuple the builder takes. */
function toChangeList(
  changes: readonly AuthorityChange[],
): [AuthorityChange] | [AuthorityChange, AuthorityChange] {
  const [first, second] = changes;
  if (first === undefined || changes.length > 2) {
    throw new RangeError(`expected one or two authority changes, got ${changes.length}`);
  }
  return second === undefined ? [first] : [first, second];
}

function authorityName(authorityType: StakeAuthorityType): string {
  return authorityType === 'staker' ? 'the stake authority' : 'the withdraw authority';
}
