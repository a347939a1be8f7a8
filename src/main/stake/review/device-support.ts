import type { ReviewAction } from '../../../shared/domain/stake';
import { VOTE_PROGRAM_ID } from '../addresses';

/**
 * Programs the Ledger Solana app parses that this model does not. A transaction using them
 * may well be clear-signable, but the prediction reports blind signing to stay on the safe side.
 */
const unmodelledPrograms = new Set([
  VOTE_PROGRAM_ID.toBase58(),
  'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
  'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL',
]);

export function isUnmodelledDeviceProgram(programId: string): boolean {
  return unmodelledPrograms.has(programId);
}

/**
 * Minimum number of accounts the app's parser reads for each instruction it supports, at fixed positions
 * (app-solana `libsol/system_instruction.c`, `stake_instruction.c`), or null when the app
 * cannot parse the instruction at all: AssignWithSeed, TransferWithSeed, UpgradeNonce, the
 * stake *WithSeed authorizations and the newer stake instructions, and the deprecated
 * RequestUnits compute budget instruction.
 */
export function deviceMinimumAccounts(action: ReviewAction): number | null {
  switch (action.kind) {
    case 'systemCreateAccount':
    case 'systemCreateAccountWithSeed':
    case 'systemTransfer':
    case 'systemAuthorizeNonce':
    case 'systemAllocateWithSeed':
    case 'stakeInitialize':
    case 'stakeSetLockup':
    case 'stakeSetLockupChecked':
      return 2;
    case 'systemAssign':
    case 'systemAllocate':
      return 1;
    case 'systemAdvanceNonce':
    case 'systemInitializeNonce':
    case 'stakeAuthorize':
    case 'stakeSplit':
    case 'stakeDeactivate':
      return 3;
    case 'stakeInitializeChecked':
    case 'stakeAuthorizeChecked':
      return 4;
    case 'systemWithdrawNonce':
    case 'stakeWithdraw':
    case 'stakeMerge':
      return 5;
    case 'stakeDelegate':
      return 6;
    case 'computeBudgetRequestHeapFrame':
    case 'computeBudgetSetComputeUnitLimit':
    case 'computeBudgetSetComputeUnitPrice':
    case 'computeBudgetSetLoadedAccountsDataSizeLimit':
    case 'memo':
      return 0;
    case 'systemAssignWithSeed':
    case 'systemTransferWithSeed':
    case 'systemUpgradeNonce':
    case 'stakeAuthorizeWithSeed':
    case 'stakeAuthorizeCheckedWithSeed':
    case 'stakeGetMinimumDelegation':
    case 'stakeDeactivateDelinquent':
    case 'stakeRedelegate':
    case 'stakeMoveStake':
    case 'stakeMoveLamports':
    case 'computeBudgetRequestUnits':
    case 'unknown':
      return null;
  }
}
