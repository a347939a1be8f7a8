import { type EpochInfo, PublicKey } from '@solana/web3.js';
import type { Logger } from 'pino';

import { MAX_PROCESSING_AGE } from './chain/blockhashRegistry';
import { transferFromFaucet } from './chain/faucet';
import { type ChainEpochInfo, LocalChainService } from './chain/localChain';
import { SerialQueue } from './chain/serialQueue';
import { TransactionProcessor } from './chain/transactionProcessor';
import { decodeVoteState } from './codec/voteState';
import { ValidatorNetworkService } from './network/validatorNetwork';
import type { ValidatorKeys } from './network/validatorKeys';
import { validatorProfiles } from './network/validatorProfiles';
import { type LocalnetControls } from './rpc/controlRoutes';
import { JsonRpcDispatcher } from './rpc/dispatcher';
import { LocalnetHttpServer } from './rpc/httpServer';
import type { JsonValue } from './rpc/json';
import { rpcMethods } from './rpc/methods';
import type { ServingMode } from './rpc/servingMode';

/**
 * Epochs run at start-up, so that the stake history, paid rewards and a delinquent
 * validator (one that stopped voting in epoch 1) exist before the first request.
 */
const WARMUP_EPOCHS = 3n;

export interface LocalnetOptions {
  /** TCP port on 127.0.0.1. 0, the default, picks a free one. */
  port?: number;
  logger?: Logger;
  /** When set, the chain advances one slot per this many milliseconds, like a live cluster. */
  slotIntervalMs?: number;
}

export interface LocalValidator {
  /** Name from its validator info, or null for the bootstrap validator, which has none. */
  name: string | null;
  identity: PublicKey;
  voteAccount: PublicKey;
  /** Signing keys of a seeded validator, or null for the bootstrap validator. */
  keys: ValidatorKeys | null;
}

/** A running local chain with its JSON-RPC endpoint. */
export interface Localnet {
  /** JSON-RPC endpoint, also the base of the `/control/` API. */
  readonly url: string;
  /** Address that funds `fund` and `requestAirdrop` transfers. */
  readonly faucet: PublicKey;
  readonly validators: readonly LocalValidator[];
  getEpochInfo(): Promise<EpochInfo>;
  advanceSlots(count: number): Promise<EpochInfo>;
  /** Advances to one slot after the start of the epoch `count` epochs ahead, once rewards are paid. */
  advanceEpochs(count: number): Promise<EpochInfo>;
  /** Advances 151 slots, one block each, so every blockhash handed out so far expires. */
  expireBlockhashes(): Promise<EpochInfo>;
  /** Transfers lamports from the faucet and returns the transaction signature. */
  fund(address: PublicKey | string, lamports: bigint): Promise<string>;
  setCommission(voteAccount: PublicKey | string, commission: number): Promise<void>;
  setServingMode(mode: ServingMode): void;
  /**
   * Rejects transactions whose blockhash is older than `blocks` blocks (at most 150) while
   * `lastValidBlockHeight` stays height + 150, like a node whose bank dropped it early.
   */
  setAcceptedBlockhashAge(blocks: number): void;
  close(): Promise<void>;
}

/** Starts a seeded local chain and its JSON-RPC server on 127.0.0.1. */
export async function startLocalnet(options: LocalnetOptions = {}): Promise<Localnet> {
  const logger = options.logger;
  const chain = await LocalChainService.start(logger);
  const network = new ValidatorNetworkService(chain, logger);
  chain.setHooks(network);
  await network.seed(validatorProfiles);
  await chain.advanceEpochs(WARMUP_EPOCHS);

  const localnet = new LocalnetService(chain, network, logger);
  await localnet.listen(options.port ?? 0);
  if (options.slotIntervalMs !== undefined) {
    localnet.startTicking(options.slotIntervalMs);
  }
  return localnet;
}

class LocalnetService implements Localnet, LocalnetControls {
  private readonly queue = new SerialQueue();
  private readonly processor: TransactionProcessor;
  private readonly server: LocalnetHttpServer;
  private ticker: NodeJS.Timeout | null = null;
  private endpoint = '';

  constructor(
    private readonly chain: LocalChainService,
    private readonly network: ValidatorNetworkService,
    private readonly logger?: Logger,
  ) {
    this.processor = new TransactionProcessor(chain);
    const dispatcher = new JsonRpcDispatcher(
      rpcMethods,
      { chain, network, processor: this.processor },
      this.queue,
      logger,
    );
    this.server = new LocalnetHttpServer(dispatcher, this, logger);
  }

  get url(): string {
    return this.endpoint;
  }

  get faucet(): PublicKey {
    return this.chain.payer.publicKey;
  }

  get validators(): readonly LocalValidator[] {
    return this.network.validators.map((validator) => ({
      name: validator.name,
      identity: validator.identity,
      voteAccount: validator.voteAccount,
      keys: validator.keys,
    }));
  }

  async listen(port: number): Promise<void> {
    this.endpoint = await this.server.listen(port);
    this.logger?.info({ url: this.endpoint }, 'local chain RPC listening');
  }

  startTicking(intervalMs: number): void {
    if (!(intervalMs > 0)) {
      throw new RangeError(`slot interval must be positive, got ${intervalMs} ms`);
    }
    this.ticker = setInterval(() => {
      this.queue
        .run(() => this.chain.advanceSlots(1n))
        .catch((error: unknown) => {
          this.logger?.error({ err: error }, 'slot tick failed');
        });
    }, intervalMs);
  }

  getEpochInfo(): Promise<EpochInfo> {
    return this.queue.run(async () => toEpochInfo(await this.chain.epochInfo()));
  }

  advanceSlots(count: number): Promise<EpochInfo> {
    return this.queue.run(async () => {
      await this.chain.advanceSlots(BigInt(count));
      return toEpochInfo(await this.chain.epochInfo());
    });
  }

  advanceEpochs(count: number): Promise<EpochInfo> {
    return this.queue.run(async () => {
      await this.chain.advanceEpochs(BigInt(count));
      return toEpochInfo(await this.chain.epochInfo());
    });
  }

  expireBlockhashes(): Promise<EpochInfo> {
    return this.advanceSlots(Number(MAX_PROCESSING_AGE) + 1);
  }

  fund(address: PublicKey | string, lamports: bigint): Promise<string> {
    const recipient = new PublicKey(address);
    return this.queue.run(() =>
      transferFromFaucet(this.chain, this.processor, recipient, lamports),
    );
  }

  setCommission(voteAccount: PublicKey | string, commission: number): Promise<void> {
    const key = new PublicKey(voteAccount);
    return this.queue.run(() => this.network.setCommission(key, commission));
  }

  setAcceptedBlockhashAge(blocks: number): void {
    this.processor.setAcceptedBlockhashAge(BigInt(blocks));
  }

  setServingMode(mode: ServingMode): void {
    this.server.servingMode = mode;
  }

  /** Returns the chain position and validator set, for the control API and the demo panel. */
  describe(): Promise<JsonValue> {
    return this.queue.run(async () => {
      const info = await this.chain.epochInfo();
      const validators: JsonValue[] = [];
      for (const validator of this.network.validators) {
        const account = await this.chain.readAccount(validator.voteAccount);
        validators.push({
          name: validator.name,
          identity: validator.identity.toBase58(),
          voteAccount: validator.voteAccount.toBase58(),
          commission: account === null ? null : decodeVoteState(account.data).commission,
        });
      }
      return {
        url: this.endpoint,
        faucet: this.faucet.toBase58(),
        servingMode: this.server.servingMode.kind,
        ...info,
        validators,
      };
    });
  }

  async close(): Promise<void> {
    if (this.ticker !== null) {
      clearInterval(this.ticker);
      this.ticker = null;
    }
    await this.server.close();
    // Let a tick or request that already started finish before the caller moves on.
    await this.queue.run(() => Promise.resolve());
    this.logger?.info({ url: this.endpoint }, 'local chain stopped');
  }
}

function toEpochInfo(info: ChainEpochInfo): EpochInfo {
  return {
    absoluteSlot: Number(info.absoluteSlot),
    blockHeight: Number(info.blockHeight),
    epoch: Number(info.epoch),
    slotIndex: Number(info.slotIndex),
    slotsInEpoch: Number(info.slotsInEpoch),
    transactionCount: Number(info.transactionCount),
  };
}
