import { type PublicKey, TransactionMessage, VersionedMessage } from '@solana/web3.js';

import { WalletError } from '../../../shared/errors';
import { composeTransaction, type ComputeBudgetRequest } from '../../stake';
import { COMPUTE_BUDGET_PROGRAM_ID } from '../../stake/addresses';
import { ComputeBudgetIndex } from '../../stake/instructions/compute-budget';
import { readMessageNonce } from './message-lifetime';

/**
 * Rebuilds a prepared blockhash message so that it uses a durable nonce: AdvanceNonceAccount
 * first, the compute budget kept as far as the device's instruction limit allows, then the
 * operation's own instructions, with the nonce value as recent blockhash. The fee payer, who
 * is the Ledger key, must be the nonce authority. This lets any prepared stake operation be
 * signed now and sent later.
 *
 * @throws WalletError MESSAGE_DECODE_FAILED for a v0 message or one that already uses a nonce,
 *   and TRANSACTION_NOT_CLEAR_SIGNABLE when the extra instruction is over the device's limit.
 */
export function applyDurableNonce(
  message: Uint8Array,
  nonce: { nonceAccount: PublicKey; nonceValue: string },
  appVersion: string,
): Uint8Array {
  const versioned = VersionedMessage.deserialize(message);
  if (versioned.version !== 'legacy' || readMessageNonce(message) !== null) {
    throw new WalletError(
      'MESSAGE_DECODE_FAILED',
      { offset: 0, reason: 'expected a legacy message that uses a blockhash' },
      'Only a legacy message with a recent blockhash can be given a durable nonce.',
    );
  }

  const decompiled = TransactionMessage.decompile(versioned);
  const computeBudget: ComputeBudgetRequest = {};
  const core = decompiled.instructions.filter((instruction) => {
    if (!instruction.programId.equals(COMPUTE_BUDGET_PROGRAM_ID)) {
      return true;
    }
    const data = instruction.data;
    if (data[0] === ComputeBudgetIndex.setComputeUnitLimit && data.length >= 5) {
      computeBudget.unitLimit = data.readUInt32LE(1);
      return false;
    }
    if (data[0] === ComputeBudgetIndex.setComputeUnitPrice && data.length >= 9) {
      computeBudget.microLamportsPerUnit = data.readBigUInt64LE(1);
      return false;
    }
    return true;
  });

  const built = composeTransaction(core, {
    signer: decompiled.payerKey,
    lifetime: { kind: 'nonce', nonceAccount: nonce.nonceAccount, nonceValue: nonce.nonceValue },
    appVersion,
    computeBudget,
  });
  return built.message.serialize();
}
