import type { ReviewAction } from '../../../shared/domain/stake';
import { formatSol } from '../amount';
import { formatUtcTimestamp } from '../time-format';

/** Maps an address to its display name: the person's label, a program name, or the address. */
export type AddressNamer = (address: string) => string;

/**
 * Describes an instruction in one plain sentence, naming accounts through `name` and giving
 * amounts in SOL.
 */
export function describeAction(
  action: ReviewAction,
  programId: string,
  name: AddressNamer,
): string {
  const sol = (lamports: string): string => formatSol(BigInt(lamports));

  switch (action.kind) {
    case 'systemCreateAccount':
      return `Create account ${name(action.newAccount)} owned by ${name(action.owner)}, funded with ${sol(action.lamports)} from ${name(action.from)}.`;
    case 'systemCreateAccountWithSeed':
      return `Create account ${name(action.newAccount)} (seed "${action.seed}" of ${name(action.base)}) owned by ${name(action.owner)}, funded with ${sol(action.lamports)} from ${name(action.from)}.`;
    case 'systemAssign':
      return `Give ownership of ${name(action.account)} to ${name(action.owner)}.`;
    case 'systemAssignWithSeed':
      return `Give ownership of ${name(action.account)} (seed "${action.seed}" of ${name(action.base)}) to ${name(action.owner)}.`;
    case 'systemTransfer':
      return `Send ${sol(action.lamports)} from ${name(action.from)} to ${name(action.to)}.`;
    case 'systemTransferWithSeed':
      return `Send ${sol(action.lamports)} from ${name(action.from)} (seed "${action.fromSeed}" of ${name(action.base)}) to ${name(action.to)}.`;
    case 'systemAllocate':
      return `Reserve ${action.space} bytes of data in ${name(action.account)}.`;
    case 'systemAllocateWithSeed':
      return `Reserve ${action.space} bytes in ${name(action.account)} (seed "${action.seed}" of ${name(action.base)}) and give it to ${name(action.owner)}.`;
    case 'systemAdvanceNonce':
      return `Use the durable nonce in ${name(action.nonceAccount)}, approved by ${name(action.authority)}, so the signature stays valid until it is sent.`;
    case 'systemWithdrawNonce':
      return `Withdraw ${sol(action.lamports)} from nonce account ${name(action.nonceAccount)} to ${name(action.to)}.`;
    case 'systemInitializeNonce':
      return `Set up ${name(action.nonceAccount)} as a durable nonce account controlled by ${name(action.authority)}.`;
    case 'systemAuthorizeNonce':
      return `Make ${name(action.newAuthority)} the authority of nonce account ${name(action.nonceAccount)}.`;
    case 'systemUpgradeNonce':
      return `Upgrade the data format of nonce account ${name(action.nonceAccount)}.`;
    case 'stakeInitialize':
      return `Set up stake account ${name(action.stakeAccount)} with stake authority ${name(action.staker)} and withdraw authority ${name(action.withdrawer)}${describeLockup(action.lockup, name)}.`;
    case 'stakeInitializeChecked':
      return `Set up stake account ${name(action.stakeAccount)} with stake authority ${name(action.staker)} and withdraw authority ${name(action.withdrawer)}, which signs too.`;
    case 'stakeAuthorize':
    case 'stakeAuthorizeChecked':
      return `Make ${name(action.newAuthority)} the ${action.authorityType === 'staker' ? 'stake' : 'withdraw'} authority of ${name(action.stakeAccount)}, approved by ${name(action.authority)}${action.kind === 'stakeAuthorizeChecked' ? '; the new authority signs too' : ''}.`;
    case 'stakeAuthorizeWithSeed':
    case 'stakeAuthorizeCheckedWithSeed':
      return `Make ${name(action.newAuthority)} the ${action.authorityType === 'staker' ? 'stake' : 'withdraw'} authority of ${name(action.stakeAccount)}, approved by the address derived from ${name(action.authorityBase)} with seed "${action.authoritySeed}".`;
    case 'stakeDelegate':
      return `Delegate stake account ${name(action.stakeAccount)} to validator ${name(action.voteAccount)}; the stake starts earning after it activates at an epoch boundary.`;
    case 'stakeSplit':
      return `Move ${sol(action.lamports)} from stake account ${name(action.stakeAccount)} into stake account ${name(action.destination)}.`;
    case 'stakeWithdraw':
      return `Withdraw ${sol(action.lamports)} from stake account ${name(action.stakeAccount)} to ${name(action.to)}.`;
    case 'stakeDeactivate':
      return `Unstake ${name(action.stakeAccount)}: it stops earning rewards. Effective stake becomes withdrawable after the cooldown, usually at the next epoch boundary, and stake still activating becomes withdrawable at once.`;
    case 'stakeSetLockup':
    case 'stakeSetLockupChecked':
      return `Change the lockup of ${name(action.stakeAccount)}${describeLockupChange(action, name)}, approved by ${name(action.authority)}.`;
    case 'stakeMerge':
      return `Merge stake account ${name(action.source)} into ${name(action.destination)}: ${name(action.source)} is closed and ${name(action.destination)} stays open.`;
    case 'stakeGetMinimumDelegation':
      return 'Read the minimum delegation of the cluster; this changes nothing.';
    case 'stakeDeactivateDelinquent':
      return `Unstake ${name(action.stakeAccount)} because validator ${name(action.delinquentVoteAccount)} stopped voting.`;
    case 'stakeRedelegate':
      return `Move the stake of ${name(action.stakeAccount)} to validator ${name(action.voteAccount)} through ${name(action.newStakeAccount)} (a retired instruction the stake program rejects).`;
    case 'stakeMoveStake':
      return `Move ${sol(action.lamports)} of active stake from ${name(action.source)} to ${name(action.destination)}.`;
    case 'stakeMoveLamports':
      return `Move ${sol(action.lamports)} of unstaked SOL from ${name(action.source)} to ${name(action.destination)}.`;
    case 'computeBudgetRequestUnits':
      return `Request ${action.units} compute units with an extra fee of ${action.additionalFee} lamports (retired form, rejected by the Ledger).`;
    case 'computeBudgetRequestHeapFrame':
      return `Request a heap of ${action.bytes} bytes.`;
    case 'computeBudgetSetComputeUnitLimit':
      return `Limit the transaction to ${action.units} compute units.`;
    case 'computeBudgetSetComputeUnitPrice':
      return `Pay a priority fee of ${action.microLamports} micro-lamports per compute unit.`;
    case 'computeBudgetSetLoadedAccountsDataSizeLimit':
      return `Limit the account data the transaction loads to ${action.bytes} bytes.`;
    case 'memo':
      return `Attach the note "${action.text}".`;
    case 'unknown':
      return describeUnknown(action, programId, name);
  }
}

function describeLockup(
  lockup: { unixTimestamp: string; epoch: string; custodian: string },
  name: AddressNamer,
): string {
  const time = BigInt(lockup.unixTimestamp);
  const epoch = BigInt(lockup.epoch);
  if (time <= 0n && epoch <= 0n) {
    return ', with no lockup';
  }
  return `, locked until ${formatUtcTimestamp(time)} UTC and epoch ${epoch} unless ${name(lockup.custodian)} approves`;
}

function describeLockupChange(
  action: { unixTimestamp: string | null; epoch: string | null; custodian: string | null },
  name: AddressNamer,
): string {
  const parts: string[] = [];
  if (action.unixTimestamp !== null) {
    parts.push(`end time ${formatUtcTimestamp(BigInt(action.unixTimestamp))} UTC`);
  }
  if (action.epoch !== null) {
    parts.push(`end epoch ${action.epoch}`);
  }
  if (action.custodian !== null) {
    parts.push(`custodian ${name(action.custodian)}`);
  }
  return parts.length === 0 ? ' (no fields change)' : ` to ${parts.join(', ')}`;
}

function describeUnknown(
  action: Extract<ReviewAction, { kind: 'unknown' }>,
  programId: string,
  name: AddressNamer,
): string {
  switch (action.reason) {
    case 'unknownProgram':
      return `Call program ${name(programId)} with ${action.dataLength} bytes of data; this wallet cannot tell what it does.`;
    case 'unknownInstruction':
      return `Call ${name(programId)} with an instruction this wallet does not know (data starts ${action.dataPrefixHex}).`;
    case 'malformedData':
      return `Call ${name(programId)} with data this wallet cannot decode (data starts ${action.dataPrefixHex}).`;
    case 'missingAccounts':
      return `Call ${name(programId)} with fewer accounts than the instruction needs; it will fail.`;
  }
}
