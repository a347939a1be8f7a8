import { ed25519 } from '@noble/curves/ed25519.js';
import {
  AddressLookupTableAccount,
  ComputeBudgetProgram,
  Message,
  PublicKey,
  type VersionedMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import bs58 from 'bs58';
import type { BanksTransactionResultWithMeta } from 'solana-bankrun/dist/internal';

import { parseTransactionError, type TransactionErrorJson } from '../codec/transactionError';
import { MAX_PROCESSING_AGE } from './blockhashRegistry';
import { type LocalChainService } from './localChain';
import { type TransactionRecord } from './transactionLog';

export interface SimulationResult {
  err: TransactionErrorJson | null;
  /** The runtime's text for `err`, used in RPC error messages. */
  errMessage: string | null;
  logs: string[];
  unitsConsumed: bigint;
  returnData: { programId: PublicKey; data: Uint8Array } | null;
}

/** Outcome of handing a transaction to the bank. */
export type SubmitResult =
  | { kind: 'landed'; record: TransactionRecord }
  /** The bank rejected it before execution, so it charged no fee and left no status. */
  | { kind: 'dropped'; err: TransactionErrorJson; errMessage: string };

const BLOCKHASH_NOT_FOUND = 'Blockhash not found';
const ALREADY_PROCESSED = 'This transaction has already been processed';

interface ResolvedKeys {
  accountKeys: PublicKey[];
  loadedAddresses: { writable: PublicKey[]; readonly: PublicKey[] };
}

/** Simulates, executes and records transactions against the local chain's bank. */
export class TransactionProcessor {
  /** Blockhash given to the last copy made for the bank, so the next copy gets another. */
  private lastRuntimeBlockhash: string | null = null;
  /** Age in blocks above which the bank gets the original blockhash and rejects it. */
  private acceptedBlockhashAge = MAX_PROCESSING_AGE;

  constructor(private readonly chain: LocalChainService) {}

  /**
   * Makes the bank reject blockhashes older than `blocks` blocks while the node still
   * reports 150, as an RPC node does whose bank dropped a blockhash early.
   */
  setAcceptedBlockhashAge(blocks: bigint): void {
    this.acceptedBlockhashAge = blocks < MAX_PROCESSING_AGE ? blocks : MAX_PROCESSING_AGE;
  }

  /** Checks every required signature against the message bytes with Ed25519. */
  hasValidSignatures(transaction: VersionedTransaction): boolean {
    const message = transaction.message.serialize();
    const signerCount = transaction.message.header.numRequiredSignatures;
    if (transaction.signatures.length !== signerCount) {
      return false;
    }
    return transaction.signatures.every((signature, index) => {
      const signer = transaction.message.staticAccountKeys[index];
      if (signer === undefined) {
        return false;
      }
      try {
        return ed25519.verify(signature, message, signer.toBytes());
      } catch {
        return false;
      }
    });
  }

  /** Returns true when the blockhash was handed out by this node and its block height passed. */
  async hasExpiredBlockhash(transaction: VersionedTransaction): Promise<boolean> {
    const height = await this.chain.blockHeight();
    return this.chain.blockhashes.isExpired(transaction.message.recentBlockhash, height);
  }

  async simulate(transaction: VersionedTransaction): Promise<SimulationResult> {
    if (await this.hasExpiredBlockhash(transaction)) {
      return {
        err: 'BlockhashNotFound',
        errMessage: BLOCKHASH_NOT_FOUND,
        logs: [],
        unitsConsumed: 0n,
        returnData: null,
      };
    }

    const runtime = await this.forRuntime(transaction);
    const bytes = runtime.serialize();
    const result =
      runtime.version === 'legacy'
        ? await this.chain.banks.simulateLegacyTransaction(bytes)
        : await this.chain.banks.simulateVersionedTransaction(bytes);
    return toSimulationResult(result);
  }

  /**
   * Executes `transaction` in the working bank and records it if it landed. The caller
   * must have checked signatures: bankrun does not, and waits forever for a transaction
   * that the runtime drops for a bad signature.
   */
  async submit(transaction: VersionedTransaction): Promise<SubmitResult> {
    const signature = bs58.encode(transaction.signatures[0] ?? new Uint8Array(64));
    if (await this.hasExpiredBlockhash(transaction)) {
      return { kind: 'dropped', err: 'BlockhashNotFound', errMessage: BLOCKHASH_NOT_FOUND };
    }
    if (this.chain.transactions.find(signature) !== undefined) {
      return { kind: 'dropped', err: 'AlreadyProcessed', errMessage: ALREADY_PROCESSED };
    }

    const keys = await this.resolveKeys(transaction);
    this.chain.accounts.addAll(keys.accountKeys);
    const fee = (await this.fee(transaction.message)) ?? 0n;
    const preBalances = await this.readBalances(keys.accountKeys);

    const runtime = await this.forRuntime(transaction);
    const bytes = runtime.serialize();
    const result =
      runtime.version === 'legacy'
        ? await this.chain.banks.tryProcessLegacyTransaction(bytes)
        : await this.chain.banks.tryProcessVersionedTransaction(bytes);
    const err = result.result === null ? null : parseTransactionError(result.result);

    const status = await this.chain.banks.getTransactionStatus(bs58.decode(signature));
    if (status === null) {
      return {
        kind: 'dropped',
        err: err ?? 'BlockhashNotFound',
        errMessage: result.result ?? BLOCKHASH_NOT_FOUND,
      };
    }

    const record: TransactionRecord = {
      signature,
      transaction,
      accountKeys: keys.accountKeys,
      loadedAddresses: keys.loadedAddresses,
      slot: status.slot,
      blockHeight: await this.chain.blockHeight(),
      blockTime: this.chain.timeOfSlot(status.slot),
      err,
      fee,
      preBalances,
      postBalances: await this.readBalances(keys.accountKeys),
      logMessages: result.meta?.logMessages ?? [],
      computeUnitsConsumed: result.meta?.computeUnitsConsumed ?? 0n,
    };
    this.chain.transactions.record(record);
    return { kind: 'landed', record };
  }

  /**
   * Returns the fee the bank charges for `message`, or null if its blockhash is unknown.
   * bankrun 0.4 panics on v0 message bytes here, so a v0 message is priced through a
   * legacy message with the same signers and compute-budget instructions, which are all
   * the fee depends on.
   */
  async fee(message: VersionedMessage): Promise<bigint | null> {
    const current = await this.chain.blockHeight();
    if (this.chain.blockhashes.isExpired(message.recentBlockhash, current)) {
      return null;
    }
    // A copy, because the blockhash below is rewritten.
    const legacy =
      message.version === 'legacy'
        ? Message.from(message.serialize())
        : toFeeEquivalentMessage(message);
    if (this.chain.blockhashes.lastValidBlockHeight(message.recentBlockhash) !== undefined) {
      legacy.recentBlockhash = await this.freshRuntimeBlockhash();
    }
    return this.chain.banks.getFeeForMessage(legacy.serialize());
  }

  /**
   * Returns the transaction the bank runs. bankrun registers new blockhashes in the
   * background and rejects one about a second after returning it (measured with bankrun
   * 0.4), while a cluster accepts it for 150 blocks. For a blockhash this node returned and
   * still counts as valid by block height, the bank gets a copy with a blockhash it accepts.
   * The caller verifies the original signatures, since bankrun does not, and the log keeps
   * the original transaction.
   */
  private async forRuntime(transaction: VersionedTransaction): Promise<VersionedTransaction> {
    const blockhash = transaction.message.recentBlockhash;
    const firstSeen = this.chain.blockhashes.firstSeenAt(blockhash);
    if (firstSeen === undefined) {
      // Durable nonce values and blockhashes from elsewhere go to the bank unchanged.
      return transaction;
    }
    if ((await this.chain.blockHeight()) - firstSeen > this.acceptedBlockhashAge) {
      // bankrun forgot this blockhash long ago, so the original makes it reject the transaction.
      return transaction;
    }
    const copy = VersionedTransaction.deserialize(transaction.serialize());
    copy.message.recentBlockhash = await this.freshRuntimeBlockhash();
    return copy;
  }

  /**
   * Reads a blockhash the bank accepts now and that differs from the previous copy's, so
   * that two signings of one message over different blockhashes do not become the same
   * message in the bank's duplicate check.
   */
  private async freshRuntimeBlockhash(): Promise<string> {
    for (;;) {
      const latest = await this.chain.banks.getLatestBlockhash();
      if (latest === null) {
        throw new Error('bankrun returned no latest blockhash');
      }
      if (latest.blockhash !== this.lastRuntimeBlockhash) {
        this.lastRuntimeBlockhash = latest.blockhash;
        return latest.blockhash;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async readBalances(keys: PublicKey[]): Promise<bigint[]> {
    const balances: bigint[] = [];
    for (const key of keys) {
      balances.push((await this.chain.readAccount(key))?.lamports ?? 0n);
    }
    return balances;
  }

  private async resolveKeys(transaction: VersionedTransaction): Promise<ResolvedKeys> {
    const message = transaction.message;
    const tables: AddressLookupTableAccount[] = [];
    for (const lookup of message.addressTableLookups) {
      const account = await this.chain.readAccount(lookup.accountKey);
      if (account !== null) {
        tables.push(
          new AddressLookupTableAccount({
            key: lookup.accountKey,
            state: AddressLookupTableAccount.deserialize(account.data),
          }),
        );
      }
    }

    try {
      const keys = message.getAccountKeys({ addressLookupTableAccounts: tables });
      const loaded = keys.accountKeysFromLookups ?? { writable: [], readonly: [] };
      return { accountKeys: [...keys.keySegments().flat()], loadedAddresses: loaded };
    } catch {
      // A missing or short lookup table makes the bank reject the transaction anyway.
      return {
        accountKeys: [...message.staticAccountKeys],
        loadedAddresses: { writable: [], readonly: [] },
      };
    }
  }
}

function toSimulationResult(result: BanksTransactionResultWithMeta): SimulationResult {
  const meta = result.meta;
  const returnData = meta?.returnData ?? null;
  return {
    err: result.result === null ? null : parseTransactionError(result.result),
    errMessage: result.result,
    logs: meta?.logMessages ?? [],
    unitsConsumed: meta?.computeUnitsConsumed ?? 0n,
    returnData:
      returnData === null
        ? null
        : { programId: new PublicKey(returnData.programId), data: returnData.data },
  };
}

function toFeeEquivalentMessage(message: VersionedMessage): Message {
  const signerCount = message.header.numRequiredSignatures;
  const budgetInstructions = message.compiledInstructions.filter((instruction) =>
    message.staticAccountKeys[instruction.programIdIndex]?.equals(ComputeBudgetProgram.programId),
  );
  const hasBudget = budgetInstructions.length > 0;
  return new Message({
    header: {
      numRequiredSignatures: signerCount,
      numReadonlySignedAccounts: message.header.numReadonlySignedAccounts,
      numReadonlyUnsignedAccounts: hasBudget ? 1 : 0,
    },
    accountKeys: [
      ...message.staticAccountKeys.slice(0, signerCount),
      ...(hasBudget ? [ComputeBudgetProgram.programId] : []),
    ],
    recentBlockhash: message.recentBlockhash,
    instructions: budgetInstructions.map((instruction) => ({
      programIdIndex: signerCount,
      accounts: [],
      data: bs58.encode(instruction.data),
    })),
  });
}
