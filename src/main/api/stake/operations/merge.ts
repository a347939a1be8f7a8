import type { MergeCandidate } from '../../../../shared/contract/stake';
import {
  assertMergeable,
  buildMerge,
  checkMerge,
  describeMergeRejection,
  formatSol,
} from '../../../stake';
import { buildContextOf, toPublicKey, type FlowEnvironment } from '../flow-environment';
import type { MergeInput, OperationPlan } from '../operation-plan';
import { readAccounts } from '../stake-snapshots';
import { OWN_STAKE_ACCOUNT, shortAddress } from './text';
import type { ChainService } from '../../../chain';

/**
 * Plans merging `source` into `destination`. The merge check mirrors the stake program's
 * rules, so a pair it rejects never reaches the device, and the error names the reason.
 */
export async function planMerge(
  input: MergeInput,
  environment: FlowEnvironment,
): Promise<OperationPlan> {
  const reading = await readAccounts(
    environment.chain,
    [input.destination, input.source],
    environment.signal,
  );
  const destination = reading.stakeAccount(input.destination);
  const source = reading.stakeAccount(input.source);
  assertMergeable(destination, source, reading.time, environment.signer.publicKey);

  const built = buildMerge(
    { destination: toPublicKey(input.destination), source: toPublicKey(input.source) },
    buildContextOf(environment),
  );
  const summary = `Merge ${shortAddress(input.source)} into ${shortAddress(input.destination)}`;

  return {
    operation: 'merge',
    summary,
    checks: [
      {
        check: 'merge',
        outcome: 'passed',
        text: `Both accounts have the same authorities and lockup and compatible states; ${formatSol(source.lamports)} moves over and ${input.source} closes.`,
      },
    ],
    transactions: [
      {
        built,
        summary,
        newStakeAccounts: [],
        signerOutflowLamports: 0n,
        signerInflowLamports: 0n,
        rebuildRequest: { operation: 'merge', input },
      },
    ],
    followUp: null,
    balances: new Map([
      [input.destination, destination.lamports],
      [input.source, source.lamports],
    ]),
    labels: new Map([
      [input.destination, OWN_STAKE_ACCOUNT],
      [input.source, OWN_STAKE_ACCOUNT],
    ]),
  };
}

/**
 * Lists the other stake accounts this Ledger account controls and whether each can be
 * merged into `destination` now, with the stake program's reason when it cannot.
 */
export async function listMergeCandidates(
  chain: ChainService,
  signer: string,
  destination: string,
  signal?: AbortSignal,
): Promise<MergeCandidate[]> {
  const refreshed = await chain.stakeAccounts.refresh([signer], { signal });
  const others = refreshed.accounts
    .map((view) => view.address)
    .filter((address) => address !== destination);
  const reading = await readAccounts(chain, [destination, ...others], signal);
  const target = reading.stakeAccount(destination);

  return others.flatMap((address): MergeCandidate[] => {
    const source = reading.stakeAccountOrNull(address);
    if (source === null) {
      return [];
    }
    const result = checkMerge(target, source, reading.time, signer);
    return [
      result.ok
        ? { source: address, mergeable: true }
        : { source: address, mergeable: false, reason: describeMergeRejection(result.rejection) },
    ];
  });
}
