import type { FlowCheck } from '../../../shared/contract/stake';
import { WalletError } from '../../../shared/errors';
import { findSuperminority } from '../../chain';
import type { ValidatorFacts } from '../../stake';
import { VOTE_PROGRAM_ID } from '../../stake/addresses';
import type { FlowRpc } from './flow-rpc';
import type { AccountReading } from './stake-snapshots';

/** Commission above which the review warns, in whole percent; the review model's default. */
const HIGH_COMMISSION_PERCENT = 10;

/**
 * The cluster's vote accounts from one getVoteAccounts call: whether each is delinquent,
 * its commission and whether it is in the superminority.
 */
export class ValidatorDirectory {
  private constructor(private readonly facts: ReadonlyMap<string, ValidatorFacts>) {}

  static async read(rpc: FlowRpc, signal?: AbortSignal): Promise<ValidatorDirectory> {
    const { current, delinquent } = await rpc.voteAccounts(signal);
    const superminority = findSuperminority(
      [...current, ...delinquent].map((account) => ({
        votePubkey: account.votePubkey,
        stake: account.activatedStake,
      })),
    );

    const facts = new Map<string, ValidatorFacts>();
    for (const [accounts, isDelinquent] of [
      [current, false],
      [delinquent, true],
    ] as const) {
      for (const account of accounts) {
        facts.set(account.votePubkey, {
          delinquent: isDelinquent,
          commissionPercent: account.commission,
          superminority: superminority.has(account.votePubkey),
        });
      }
    }
    return new ValidatorDirectory(facts);
  }

  lookup = (voteAccount: string): ValidatorFacts | undefined => this.facts.get(voteAccount);

  /**
   * Checks that `voteAccount` can take a delegation and describes what the person should
   * know about it. A vote account missing from getVoteAccounts (one without stake, for
   * example) is accepted when the Vote program owns it.
   *
   * @throws WalletError VOTE_ACCOUNT_INVALID when the address is not a vote account.
   */
  checkVoteAccount(voteAccount: string, reading: AccountReading): FlowCheck {
    const facts = this.facts.get(voteAccount);
    if (facts === undefined) {
      const owner = reading.ownerOf(voteAccount);
      if (owner !== VOTE_PROGRAM_ID.toBase58()) {
        const reason = owner === null ? 'missing' : 'notVoteAccount';
        throw new WalletError(
          'VOTE_ACCOUNT_INVALID',
          { voteAccount, reason },
          owner === null
            ? `${voteAccount} holds no account, so it cannot be a validator.`
            : `${voteAccount} is owned by ${owner}, not by the Vote program.`,
        );
      }
      return {
        check: 'voteAccount',
        outcome: 'warning',
        text: `${voteAccount} is a vote account the cluster does not list among its voting validators.`,
      };
    }

    const concerns: string[] = [];
    if (facts.delinquent) {
      concerns.push('it has stopped voting (delinquent), so it earns no rewards now');
    }
    if (facts.commissionPercent > HIGH_COMMISSION_PERCENT) {
      concerns.push(`its commission is ${facts.commissionPercent} %`);
    }
    if (facts.superminority) {
      concerns.push(
        'it belongs to the superminority, the few validators that hold a third of all stake',
      );
    }
    if (concerns.length === 0) {
      return {
        check: 'voteAccount',
        outcome: 'passed',
        text: `The validator votes and charges ${facts.commissionPercent} % commission.`,
      };
    }
    return {
      check: 'voteAccount',
      outcome: 'warning',
      text: `Think twice about this validator: ${concerns.join('; ')}.`,
    };
  }
}
