import type { ReviewAction } from '../../../shared/domain/stake';
import { STAKE_PROGRAM_ID } from '../addresses';
import { isAction } from './action-kinds';
import {
  delegatePrimaryTitle,
  printBaseAndSeed,
  printCreateAccountItems,
  printDelegateItems,
  printSingleInstruction,
  printSplitAuthority,
  printSplitMain,
  printStakeInitializeItems,
} from './device-printers';
import type { ScreenCollector } from './screen-collector';

export type PatternOutcome =
  | { kind: 'printed' }
  | { kind: 'noPattern' }
  /** The shape matched but the accounts disagree, which the current line rejects. */
  | { kind: 'accountsMismatch'; detail: string };

const STAKE = STAKE_PROGRAM_ID.toBase58();
const printed: PatternOutcome = { kind: 'printed' };
const noPattern: PatternOutcome = { kind: 'noPattern' };

/**
 * Matches what is left after nonce and compute budget stripping against the app's fixed
 * patterns (app-solana `libsol/transaction_printers.c`, `print_transaction_nonce_processed`)
 * and prints the matching summary. Release 1.9 matches instruction kinds only. The current line
 * also requires the accounts to agree: the created, initialized and delegated account is one
 * account, and a split destination is new and owned by the Stake program.
 */
export function printPattern(
  collector: ScreenCollector,
  items: ReviewAction[],
  feePayer: string,
): PatternOutcome {
  switch (items.length) {
    case 1:
      return items[0] !== undefined && printSingleInstruction(collector, items[0])
        ? printed
        : noPattern;
    case 2:
      return printPairPattern(collector, items, feePayer);
    case 3:
      return printTriplePattern(collector, items, feePayer);
    case 4:
      return printPrefundedSplit(collector, items, feePayer);
    default:
      return noPattern;
  }
}

function printPairPattern(
  collector: ScreenCollector,
  items: ReviewAction[],
  feePayer: string,
): PatternOutcome {
  const [first, second] = items;
  const checked = collector.context.line === 'current';

  if (
    (isAction(first, 'systemCreateAccount') || isAction(first, 'systemCreateAccountWithSeed')) &&
    (isAction(second, 'stakeInitialize') || isAction(second, 'stakeInitializeChecked'))
  ) {
    if (checked && first.newAccount !== second.stakeAccount) {
      return mismatch('the created account is not the initialized stake account');
    }
    collector.setPrimary('Create stake acct', collector.pubkey(first.newAccount));
    printCreateAccountItems(collector, first, false);
    printStakeInitializeItems(collector, second);
    return printed;
  }

  if (
    (isAction(first, 'systemCreateAccount') || isAction(first, 'systemCreateAccountWithSeed')) &&
    isAction(second, 'systemInitializeNonce')
  ) {
    if (checked && first.newAccount !== second.nonceAccount) {
      return mismatch('the created account is not the initialized nonce account');
    }
    collector.setPrimary('Create nonce acct', collector.pubkey(first.newAccount));
    printCreateAccountItems(collector, first, false);
    collector.add('New authority', collector.pubkey(second.authority));
    return printed;
  }

  if (
    (isAction(first, 'stakeAuthorize') && isAction(second, 'stakeAuthorize')) ||
    (isAction(first, 'stakeAuthorizeChecked') && isAction(second, 'stakeAuthorizeChecked'))
  ) {
    return printAuthorizeBoth(collector, first, second);
  }

  if (isAction(second, 'stakeSplit')) {
    return printPairSplit(collector, first, second, feePayer);
  }
  return noPattern;
}

function printAuthorizeBoth(
  collector: ScreenCollector,
  staker: Extract<ReviewAction, { kind: 'stakeAuthorize' | 'stakeAuthorizeChecked' }>,
  withdrawer: Extract<ReviewAction, { kind: 'stakeAuthorize' | 'stakeAuthorizeChecked' }>,
): PatternOutcome {
  if (staker.authorityType !== 'staker' || withdrawer.authorityType !== 'withdrawer') {
    return noPattern;
  }
  const current = collector.context.line === 'current';
  if (current && staker.stakeAccount !== withdrawer.stakeAccount) {
    return mismatch('the two authorizations change different stake accounts');
  }

  collector.setPrimary('Set stake auth', collector.pubkey(staker.stakeAccount));
  // Release 1.9 compares the two new keys by where they sit in the message, not by value: keys
  // inside Authorize's data never share a position, keys in AuthorizeChecked's accounts can.
  const sameNewAuthority =
    current || staker.kind === 'stakeAuthorizeChecked'
      ? staker.newAuthority === withdrawer.newAuthority
      : false;
  if (sameNewAuthority) {
    collector.add('New authorities', collector.pubkey(staker.newAuthority));
  } else {
    collector.add('New stake auth', collector.pubkey(staker.newAuthority));
    collector.add('New withdraw auth', collector.pubkey(withdrawer.newAuthority));
  }
  if (withdrawer.custodian !== null) {
    collector.add('Custodian', collector.pubkey(withdrawer.custodian));
  }
  collector.addAuthority('Authorized by', withdrawer.authority);
  return printed;
}

function printPairSplit(
  collector: ScreenCollector,
  first: ReviewAction | undefined,
  split: Extract<ReviewAction, { kind: 'stakeSplit' }>,
  feePayer: string,
): PatternOutcome {
  const current = collector.context.line === 'current';

  if (isAction(first, 'systemAllocateWithSeed')) {
    if (current && (first.account !== split.destination || first.owner !== STAKE)) {
      return mismatch(
        'the allocated account is not the split destination owned by the Stake program',
      );
    }
    printSplitMain(collector, split);
    printBaseAndSeed(collector, first.base, first.seed);
    printSplitAuthority(collector, split);
    return printed;
  }

  if (isAction(first, 'systemCreateAccount') || isAction(first, 'systemCreateAccountWithSeed')) {
    if (current) {
      if (first.newAccount !== split.destination || first.owner !== STAKE) {
        return mismatch(
          'the created account is not the split destination owned by the Stake program',
        );
      }
      if (
        first.kind === 'systemCreateAccount' &&
        !isNewDestination(split.destination, feePayer, collector)
      ) {
        return mismatch('the split destination is the fee payer or the signer');
      }
    }
    printSplitMain(collector, split);
    if (first.kind === 'systemCreateAccountWithSeed') {
      printBaseAndSeed(collector, first.base, first.seed);
    }
    if (current) {
      collector.add('Deposit', collector.amount(first.lamports));
      collector.addAuthority('Funded by', first.from);
    }
    printSplitAuthority(collector, split);
    return printed;
  }
  return noPattern;
}

function printTriplePattern(
  collector: ScreenCollector,
  items: ReviewAction[],
  feePayer: string,
): PatternOutcome {
  const [first, second, third] = items;
  const current = collector.context.line === 'current';

  if (
    (isAction(first, 'systemCreateAccount') || isAction(first, 'systemCreateAccountWithSeed')) &&
    isAction(second, 'stakeInitialize') &&
    isAction(third, 'stakeDelegate')
  ) {
    if (
      current &&
      (first.newAccount !== second.stakeAccount || first.newAccount !== third.stakeAccount)
    ) {
      return mismatch('the created, initialized and delegated accounts are not the same account');
    }
    collector.setPrimary(delegatePrimaryTitle(collector), collector.pubkey(first.newAccount));
    printCreateAccountItems(collector, first, false);
    printStakeInitializeItems(collector, second);
    printDelegateItems(collector, third);
    return printed;
  }

  if (
    isAction(first, 'systemAllocate') &&
    isAction(second, 'systemAssign') &&
    isAction(third, 'stakeSplit')
  ) {
    if (current && !splitTargetsAllocated(first.account, second, third, feePayer, collector)) {
      return mismatch(
        'the allocated and assigned account is not a new split destination owned by the Stake program',
      );
    }
    printSplitMain(collector, third);
    printSplitAuthority(collector, third);
    return printed;
  }

  if (
    isAction(first, 'systemTransfer') &&
    isAction(second, 'systemAllocateWithSeed') &&
    isAction(third, 'stakeSplit')
  ) {
    if (
      current &&
      (second.account !== third.destination ||
        second.owner !== STAKE ||
        first.to !== third.destination)
    ) {
      return mismatch(
        'the prefunded and allocated account is not the split destination owned by the Stake program',
      );
    }
    if (current) {
      printSplitMain(collector, third);
      printBaseAndSeed(collector, second.base, second.seed);
      printPrefundItems(collector, first, false);
    } else {
      printPrefundItems(collector, first, true);
      printSplitMain(collector, third);
      printBaseAndSeed(collector, second.base, second.seed);
    }
    printSplitAuthority(collector, third);
    return printed;
  }
  return noPattern;
}

function printPrefundedSplit(
  collector: ScreenCollector,
  items: ReviewAction[],
  feePayer: string,
): PatternOutcome {
  const [transfer, allocate, assign, split] = items;
  if (!(
    isAction(transfer, 'systemTransfer') &&
    isAction(allocate, 'systemAllocate') &&
    isAction(assign, 'systemAssign') &&
    isAction(split, 'stakeSplit')
  )) {
    return noPattern;
  }

  const current = collector.context.line === 'current';
  if (
    current &&
    (!splitTargetsAllocated(allocate.account, assign, split, feePayer, collector) ||
      transfer.to !== split.destination)
  ) {
    return mismatch(
      'the prefunded, allocated and assigned account is not a new split destination owned by the Stake program',
    );
  }
  if (current) {
    printSplitMain(collector, split);
    printPrefundItems(collector, transfer, false);
  } else {
    printPrefundItems(collector, transfer, true);
    printSplitMain(collector, split);
  }
  printSplitAuthority(collector, split);
  return printed;
}

/**
 * Prefund items of a prefunded split. The current line always shows the amount; release 1.9
 * shows both items only in expert mode, before the split's own items.
 *
 * NOTE: the 1.9 behaviour is inferred: expert-only from a summary of the 1.9 display, and the
 * placement from a later printer that still printed the prefund first. The 1.9 printer itself
 * was not read.
 */
function printPrefundItems(
  collector: ScreenCollector,
  transfer: Extract<ReviewAction, { kind: 'systemTransfer' }>,
  expertOnly: boolean,
): void {
  collector.add('Prefund', collector.amount(transfer.lamports), expertOnly);
  if (expertOnly) {
    collector.add('Prefunder', collector.pubkey(transfer.from), true);
  } else {
    collector.addAuthority('Prefunder', transfer.from);
  }
}

function splitTargetsAllocated(
  allocated: string,
  assign: Extract<ReviewAction, { kind: 'systemAssign' }>,
  split: Extract<ReviewAction, { kind: 'stakeSplit' }>,
  feePayer: string,
  collector: ScreenCollector,
): boolean {
  return (
    allocated === split.destination &&
    assign.account === split.destination &&
    assign.owner === STAKE &&
    isNewDestination(split.destination, feePayer, collector)
  );
}

function isNewDestination(
  destination: string,
  feePayer: string,
  collector: ScreenCollector,
): boolean {
  return destination !== feePayer && destination !== collector.context.signer;
}

function mismatch(detail: string): PatternOutcome {
  return { kind: 'accountsMismatch', detail };
}
