import bs58 from 'bs58';
import type { Logger } from 'pino';

import type { PendingItem } from '../../../shared/contract/offline';
import type {
  IntentSummary,
  PendingTransaction,
  SendStatus,
  SignerSignature,
  StoredAccount,
} from '../../../shared/domain/store';
import { isWalletError, WalletError } from '../../../shared/errors';
import type { ChainService } from '../../chain';
import { redactEndpointUrl } from '../../chain/rpc/endpoints';
import type { EventBus } from '../../event-bus';
import type { SettingsService } from '../../settings-service';
import type { AuditLogService, PendingStatusChange, PendingTransactionService } from '../../store';
import { SIGNATURE_BYTES, encodeTransaction } from '../ledger/transaction-text';
import { lifetimeOfMessage, requiredSignersOf } from './message-lifetime';
import type { NonceAccountService } from './nonce-account-service';
import { decodeNonceAccount } from './nonce-account';
import { toPendingItem } from './pending-views';
import { TransactionRpc, type SignatureStatus } from '../transaction-rpc';
import { isNetworkUnavailable, requireNetwork } from './network-required';

export interface SendQueueServiceDependencies {
  chain: () => Promise<ChainService>;
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[] };
  pending: PendingTransactionService;
  audit: Pick<AuditLogService, 'appendStatusUpdate' | 'verify'>;
  nonces: Pick<NonceAccountService, 'assertFree'>;
  bus: Pick<EventBus, 'emit'>;
  logger: Logger;
  /** Waits between confirmation polls; injectable so tests need not wait. */
  delay?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Polls of getSignatureStatuses after a send before the item is left as sent. */
  confirmationPolls?: number;
  pollIntervalMs?: number;
  now?: () => Date;
}

/** Outcome of the lifetime check before a send. */
type LifetimeVerdict =
  { kind: 'valid' } | { kind: 'stale'; reason: string } | { kind: 'expired'; blockHeight: number };

/** Records an automatic send leaves alone when they changed this recently, so a flow that is still sending them keeps control. */
const AUTO_SEND_QUIET_MS = 60_000;

/**
 * The send-later queue on top of the store's pending transactions. Signed transactions wait
 * here until they are sent, by the person or when the network comes back. Before every send
 * the queue checks whether the signature already landed, then whether the transaction can
 * still land: a durable nonce that moved on makes it stale and a blockhash past its last
 * valid block height makes it expired. Neither is ever sent again.
 */
export class SendQueueService {
  private readonly sending = new Map<string, Promise<PendingTransaction>>();
  private queueing: Promise<unknown> = Promise.resolve();
  private readonly delay: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => Date;

  constructor(private readonly dependencies: SendQueueServiceDependencies) {
    this.delay = dependencies.delay ?? waitFor;
    this.now = dependencies.now ?? (() => new Date());
  }

  list(): PendingItem[] {
    const accounts = this.dependencies.accounts.list();
    return this.dependencies.pending
      .list()
      .map((record) => toPendingItem(record, accounts))
      .reverse();
  }

  item(id: string): PendingItem {
    return toPendingItem(this.dependencies.pending.get(id), this.dependencies.accounts.list());
  }

  /**
   * Queues message bytes built elsewhere. A nonce-based message reserves its nonce account;
   * a blockhash one needs the last valid block height its builder was given.
   *
   * @throws WalletError NONCE_ACCOUNT_RESERVED when another pending transaction uses the nonce.
   */
  async queue(request: {
    message: Uint8Array;
    intent: IntentSummary;
    signatures?: SignerSignature[];
    lastValidBlockHeight?: number;
  }): Promise<PendingTransaction> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const lifetime = lifetimeOfMessage(request.message, request.lastValidBlockHeight ?? 0);
    const signatures =
      request.signatures ??
      requiredSignersOf(request.message).map((publicKey) => ({ publicKey, signature: null }));

    // Reservation check and creation run one at a time, so two requests cannot both take a nonce.
    const created = this.serialize(async () => {
      if (lifetime.kind === 'durableNonce') {
        this.dependencies.nonces.assertFree(lifetime.nonceAccount);
      }
      return this.dependencies.pending.create({
        intent: request.intent,
        cluster,
        messageBase64: Buffer.from(request.message).toString('base64'),
        signatures,
        lifetime,
      });
    });
    const record = await created;
    this.dependencies.logger.info(
      { id: record.id, lifetime: lifetime.kind, status: record.status.kind },
      'transaction queued',
    );
    this.publish();
    return record;
  }

  async recordSignatures(id: string, signatures: SignerSignature[]): Promise<PendingTransaction> {
    const record = await this.dependencies.pending.recordSignatures(id, signatures);
    this.publish();
    return record;
  }

  /**
   * Checks the durable nonce of a transaction signed just now and marks it stale at once when
   * the nonce moved on while the Ledger waited, so the signer learns it before trying to send.
   * When the cluster cannot be reached, the record stays signed, and every send checks again.
   */
  async checkNonceAfterSigning(id: string, signal?: AbortSignal): Promise<PendingTransaction> {
    const record = this.dependencies.pending.get(id);
    const signature = record.signatures[0]?.signature ?? null;
    if (
      record.status.kind !== 'signed' ||
      record.lifetime.kind !== 'durableNonce' ||
      signature === null ||
      this.sending.has(id)
    ) {
      return record;
    }

    try {
      const rpc = new TransactionRpc((await this.dependencies.chain()).rpc);
      const verdict = await this.checkLifetime(record, rpc, signal);
      if (verdict.kind === 'valid') {
        return record;
      }
      return await this.retire(record, signature, verdict);
    } catch (error) {
      if (isNetworkUnavailable(error)) {
        this.dependencies.logger.info(
          { id },
          'nonce not checked after signing: cluster unreachable; it is checked before sending',
        );
      } else {
        this.dependencies.logger.warn(
          { id, err: error },
          'nonce check after signing failed; the transaction stays signed and is checked before sending',
        );
      }
      return this.dependencies.pending.get(id);
    }
  }

  async discard(id: string): Promise<void> {
    const record = this.dependencies.pending.get(id);
    if (this.sending.has(id)) {
      throw pendingActionNotAllowed(record, 'discard');
    }
    await this.dependencies.pending.remove(id);
    this.publish();
  }

  /**
   * Sends one signed transaction and follows it to confirmation. Calls for the same id while
   * one is running share its result.
   *
   * @throws WalletError NETWORK_REQUIRED when the cluster cannot be reached. The transaction
   *   then stays signed in the queue.
   */
  send(id: string, signal?: AbortSignal): Promise<PendingTransaction> {
    const running = this.sending.get(id);
    if (running !== undefined) {
      return running;
    }
    const task = this.sendOnce(id, signal).finally(() => {
      this.sending.delete(id);
      this.publish();
    });
    this.sending.set(id, task);
    return task;
  }

  /**
   * Sends every signed transaction and checks every sent one. With `quietOnly`, records
   * changed in the last minute are skipped, because a flow may still be sending them.
   * Stops at the first NETWORK_REQUIRED, since the others would fail the same way.
   */
  async sendAll(options: { quietOnly?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const nowMs = this.now().getTime();
    const due = this.dependencies.pending
      .list()
      .filter((record) => record.cluster === cluster)
      .filter((record) => record.status.kind === 'signed' || record.status.kind === 'sent')
      .filter(
        (record) =>
          options.quietOnly !== true || nowMs - Date.parse(record.updatedAt) >= AUTO_SEND_QUIET_MS,
      );

    for (const record of due) {
      try {
        await this.send(record.id, options.signal);
      } catch (error) {
        if (isWalletError(error) && error.code === 'NETWORK_REQUIRED') {
          throw error;
        }
        this.dependencies.logger.error({ id: record.id, err: error }, 'queued send failed');
      }
    }
  }

  /**
   * Returns how long until the most recently changed signed or sent record of the current
   * cluster is quiet enough for `sendAll({ quietOnly: true })`, or null when none waits.
   */
  async msUntilNextQuiet(): Promise<number | null> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const nowMs = this.now().getTime();
    let wait: number | null = null;
    for (const record of this.dependencies.pending.list()) {
      if (record.cluster !== cluster) {
        continue;
      }
      if (record.status.kind !== 'signed' && record.status.kind !== 'sent') {
        continue;
      }
      const remaining = Date.parse(record.updatedAt) + AUTO_SEND_QUIET_MS - nowMs;
      if (remaining > 0 && (wait === null || remaining > wait)) {
        wait = remaining;
      }
    }
    return wait;
  }

  private async sendOnce(id: string, signal?: AbortSignal): Promise<PendingTransaction> {
    let record = this.dependencies.pending.get(id);
    if (record.status.kind !== 'signed' && record.status.kind !== 'sent') {
      throw pendingActionNotAllowed(record, 'send');
    }
    const cluster = (await this.dependencies.settings.get()).cluster;
    if (record.cluster !== cluster) {
      throw new WalletError('TRANSACTION_FILE_CLUSTER_MISMATCH', {
        fileCluster: record.cluster,
        currentCluster: cluster,
      });
    }
    const signature = record.signatures[0]?.signature ?? null;
    if (signature === null || record.signatures.some((slot) => slot.signature === null)) {
      throw pendingActionNotAllowed(record, 'send');
    }

    const rpc = new TransactionRpc((await this.dependencies.chain()).rpc);
    try {
      const landed = await rpc.signatureStatus(signature, true, signal);
      if (landed !== null) {
        return await this.settle(record, signature, landed);
      }

      const verdict = await this.checkLifetime(record, rpc, signal);
      if (verdict.kind !== 'valid') {
        return await this.retire(record, signature, verdict);
      }

      const sendError = await this.broadcast(record, rpc, signal);
      if (sendError !== null) {
        return await this.afterRejectedSend(record, signature, sendError, rpc, signal);
      }
      record = await this.change(record, { kind: 'sent' }, signature);

      return await this.confirm(record, signature, rpc, signal);
    } catch (error) {
      throw requireNetwork(error, 'Sending a transaction', cluster);
    }
  }

  /** Returns null once the node accepted the bytes, or the node's rejection. */
  private async broadcast(
    record: PendingTransaction,
    rpc: TransactionRpc,
    signal?: AbortSignal,
  ): Promise<WalletError<'RPC_METHOD_ERROR'> | null> {
    const message = Buffer.from(record.messageBase64, 'base64');
    const signatures = record.signatures.map((slot) =>
      slot.signature === null ? new Uint8Array(SIGNATURE_BYTES) : bs58.decode(slot.signature),
    );
    const result = await rpc.send(encodeTransaction(message, signatures), signal);
    if (result.ok) {
      this.dependencies.logger.info({ id: record.id }, 'transaction sent');
      return null;
    }
    return new WalletError(
      'RPC_METHOD_ERROR',
      {
        endpoint: redactEndpointUrl(rpc.endpoint),
        method: 'sendTransaction',
        rpcCode: result.rpcCode,
        rpcMessage: result.message,
      },
      `sendTransaction was rejected: ${result.message}`,
    );
  }

  /**
   * Handles a send the node rejected. "Blockhash not found" and "already processed" may
   * hide a transaction that landed, so the signature and the lifetime are checked again
   * before anything is reported. Any other rejection is a failure with the node's reason.
   */
  private async afterRejectedSend(
    record: PendingTransaction,
    signature: string,
    error: WalletError<'RPC_METHOD_ERROR'>,
    rpc: TransactionRpc,
    signal?: AbortSignal,
  ): Promise<PendingTransaction> {
    const reason = error.context.rpcMessage;
    this.dependencies.logger.warn({ id: record.id, reason }, 'node rejected a queued transaction');

    if (/blockhash not found|already been processed/i.test(reason)) {
      const landed = await rpc.signatureStatus(signature, true, signal);
      if (landed !== null) {
        return this.settle(record, signature, landed);
      }
      const verdict = await this.checkLifetime(record, rpc, signal);
      if (verdict.kind !== 'valid') {
        return this.retire(record, signature, verdict);
      }
      // The lifetime still looks valid here, so the node that replied may lag behind. The
      // transaction stays signed for a later attempt rather than being reported as lost.
      throw error;
    }
    return this.change(record, { kind: 'failed', reason: truncate(reason) }, signature);
  }

  private async confirm(
    record: PendingTransaction,
    signature: string,
    rpc: TransactionRpc,
    signal?: AbortSignal,
  ): Promise<PendingTransaction> {
    const polls = this.dependencies.confirmationPolls ?? 30;
    const interval = this.dependencies.pollIntervalMs ?? 1_000;

    for (let poll = 0; poll < polls; poll += 1) {
      const landed = await rpc.signatureStatus(signature, true, signal);
      if (landed !== null && landed.confirmationStatus !== 'processed') {
        return this.settle(record, signature, landed);
      }
      await this.delay(interval, signal);
    }
    this.dependencies.logger.warn(
      { id: record.id, polls },
      'transaction not confirmed yet; it stays sent and is checked again on the next send',
    );
    return record;
  }

  private async checkLifetime(
    record: PendingTransaction,
    rpc: TransactionRpc,
    signal?: AbortSignal,
  ): Promise<LifetimeVerdict> {
    const lifetime = record.lifetime;
    switch (lifetime.kind) {
      case 'durableNonce': {
        const batch = await rpc.accounts([lifetime.nonceAccount], signal);
        const account = batch.accounts.get(lifetime.nonceAccount) ?? null;
        if (account === null) {
          return {
            kind: 'stale',
            reason: `Nonce account ${lifetime.nonceAccount} no longer exists.`,
          };
        }
        let state;
        try {
          state = decodeNonceAccount(lifetime.nonceAccount, account.owner, account.data);
        } catch (error) {
          return { kind: 'stale', reason: isWalletError(error) ? error.message : String(error) };
        }
        if (state.nonceValue !== lifetime.nonceValue) {
          return {
            kind: 'stale',
            reason: `The nonce in ${lifetime.nonceAccount} moved on from ${lifetime.nonceValue} to ${state.nonceValue}, so this transaction can no longer land. It was not sent again.`,
          };
        }
        if (state.authority !== lifetime.nonceAuthority) {
          return {
            kind: 'stale',
            reason: `The authority of nonce account ${lifetime.nonceAccount} is now ${state.authority}, not the signer ${lifetime.nonceAuthority}.`,
          };
        }
        return { kind: 'valid' };
      }
      case 'blockhash': {
        const blockHeight = await rpc.blockHeight(signal);
        return blockHeight > lifetime.lastValidBlockHeight
          ? { kind: 'expired', blockHeight }
          : { kind: 'valid' };
      }
    }
  }

  private retire(
    record: PendingTransaction,
    signature: string,
    verdict: Exclude<LifetimeVerdict, { kind: 'valid' }>,
  ): Promise<PendingTransaction> {
    switch (verdict.kind) {
      case 'stale':
        return this.change(record, { kind: 'stale', reason: truncate(verdict.reason) }, signature);
      case 'expired':
        return this.change(record, { kind: 'expired' }, signature);
    }
  }

  private settle(
    record: PendingTransaction,
    signature: string,
    landed: SignatureStatus,
  ): Promise<PendingTransaction> {
    if (landed.err !== null) {
      const reason = `The transaction landed in slot ${landed.slot} but failed: ${JSON.stringify(landed.err)}`;
      return this.change(record, { kind: 'failed', reason: truncate(reason) }, signature);
    }
    const change: PendingStatusChange =
      landed.confirmationStatus === 'finalized'
        ? { kind: 'finalized', slot: landed.slot }
        : { kind: 'confirmed', slot: landed.slot };
    if (record.status.kind === change.kind) {
      return Promise.resolve(record);
    }
    return this.change(record, change, signature);
  }

  private async change(
    record: PendingTransaction,
    change: PendingStatusChange,
    signature: string,
  ): Promise<PendingTransaction> {
    const next = await this.dependencies.pending.transition(record.id, change);
    this.dependencies.logger.info(
      { id: record.id, from: record.status.kind, to: change.kind },
      'queued transaction changed status',
    );
    await this.recordInAudit(signature, change);
    this.publish();
    return next;
  }

  /**
   * Appends a status update to the audit line of the signature request that produced this
   * signature. A transaction signed on another machine has no such line and gets none.
   */
  private async recordInAudit(signature: string, change: PendingStatusChange): Promise<void> {
    try {
      const { lines } = await this.dependencies.audit.verify();
      const request = [...lines]
        .reverse()
        .find(
          (line) => line.entry.kind === 'signatureRequest' && line.entry.signature === signature,
        );
      if (request === undefined) {
        return;
      }
      await this.dependencies.audit.appendStatusUpdate({
        refersTo: request.seq,
        sendStatus: sendStatusOf(change),
        slot: 'slot' in change ? change.slot : null,
        reason: 'reason' in change ? change.reason : null,
      });
    } catch (error) {
      this.dependencies.logger.error(
        { err: error },
        'writing a send status to the audit log failed',
      );
    }
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queueing.then(task, task);
    this.queueing = result.catch(() => undefined);
    return result;
  }

  private publish(): void {
    this.dependencies.bus.emit('pendingTransactionsChanged', { items: this.list() });
  }
}

function sendStatusOf(change: PendingStatusChange): SendStatus {
  switch (change.kind) {
    case 'sent':
      return 'sent';
    case 'confirmed':
      return 'confirmed';
    case 'finalized':
      return 'finalized';
    case 'expired':
      return 'expired';
    case 'failed':
    case 'stale':
      return 'failed';
  }
}

export function pendingActionNotAllowed(
  record: PendingTransaction,
  action: 'send' | 'discard' | 'sign' | 'review' | 'export',
): WalletError {
  return new WalletError(
    'PENDING_ACTION_NOT_ALLOWED',
    { id: record.id, action, status: record.status.kind },
    `cannot ${action} pending transaction ${record.id} while it is ${record.status.kind}`,
  );
}

function truncate(text: string): string {
  return text.length <= 500 ? text : `${text.slice(0, 497)}...`;
}

function waitFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new WalletError('CANCELLED', {}));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new WalletError('CANCELLED', {}));
      },
      { once: true },
    );
  });
}
