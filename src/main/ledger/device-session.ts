import type Transport from '@ledgerhq/hw-transport';
import type { Logger } from '../logging';

import type { DeviceState, DeviceStateChange, LedgerOperation } from '../../shared/domain/ledger';
import { WalletError, isWalletError } from '../../shared/errors';
import {
  DASHBOARD_APP_NAMES,
  SOLANA_APP_NAME,
  classifyLedgerError,
  isNotThisAppStatus,
  type ClassifyContext,
} from './classify-error';
import { readDeviceState, type ResolvedDeviceState } from './device-state-reader';
import { runWithinLimits } from './exchange-limits';
import { SerialQueue } from './serial-queue';
import type { TimerHandle, Timers } from './timers';
import type { LedgerTransportProvider, TransportDescriptor } from './transport-provider';

export interface DeviceSessionOptions {
  provider: LedgerTransportProvider;
  logger: Logger;
  timers: Timers;
  exchangeTimeoutMs: number;
  /** Interval of state reads while the device is idle; null turns idle reads off. */
  pollIntervalMs: number | null;
  onStateChange(change: DeviceStateChange): void;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** The job will wait for the person; no other call may queue behind it. */
  needsPerson?: boolean;
  /** Background jobs (idle state reads) leave the public state as it is. */
  background?: boolean;
}

/** Operations a job may run on the device while it is at the head of the queue. */
export interface DeviceJob {
  /** Runs one exchange that needs no person, bounded by the exchange time-out. */
  exchange<T>(work: (transport: Transport) => Promise<T>): Promise<T>;
  /** Runs the exchange that waits for the person: no time-out, state awaiting-person. */
  exchangeWithPerson<T>(work: (transport: Transport) => Promise<T>): Promise<T>;
  /** Reads which app is open and its settings, and records the result. */
  readState(): Promise<ResolvedDeviceState>;
}

type Activity = Extract<DeviceState, { status: 'busy' | 'awaiting-person' }>;

/** Codes after which the recorded device state may be stale and is read again at once. */
const STATE_REFRESH_CODES: ReadonlySet<string> = new Set([
  'LEDGER_LOCKED',
  'LEDGER_APP_NOT_OPEN',
  'LEDGER_WRONG_APP',
  'LEDGER_BLIND_SIGNING_REQUIRED',
  'LEDGER_DISCONNECTED',
  'LEDGER_TIMEOUT',
  'LEDGER_BUSY',
  'LEDGER_UNKNOWN_STATUS',
  'LEDGER_TRANSPORT_FAILED',
]);

/**
 * One attached Ledger: its transport, its serial queue, its state and its idle polling.
 * The session outlives USB re-enumeration (opening an app detaches and re-attaches the
 * device), so jobs that start while it is detached wait for it to come back.
 */
export class DeviceSession {
  private descriptor: TransportDescriptor;
  private transport: Transport | null = null;
  private opening: Promise<Transport> | null = null;
  private attachment = new AbortController();
  private attached = true;
  private closed = false;
  private reattachWaiters: Array<{ resolve(): void; reject(error: WalletError): void }> = [];

  private readonly queue = new SerialQueue();
  private personOperation: LedgerOperation | null = null;
  private activity: Activity | null = null;
  private heldOperation: LedgerOperation | null = null;
  /** A prompt the device still shows although its caller stopped waiting for the reply. */
  private openPrompt: { operation: LedgerOperation } | null = null;
  private deviceState: ResolvedDeviceState | null = null;
  private publishedState: DeviceState = { status: 'no-device' };
  private pollTimer: TimerHandle | null = null;

  constructor(
    readonly id: string,
    descriptor: TransportDescriptor,
    private readonly options: DeviceSessionOptions,
  ) {
    this.descriptor = descriptor;
  }

  /** Publishes the first state and schedules the first state read. */
  start(): void {
    this.publish();
    this.schedulePoll(0);
  }

  get currentDescriptor(): TransportDescriptor {
    return this.descriptor;
  }

  get isAttached(): boolean {
    return this.attached;
  }

  get state(): DeviceState {
    if (this.closed) {
      return { status: 'no-device' };
    }
    if (this.activity !== null) {
      return this.activity;
    }
    if (this.openPrompt !== null) {
      return { status: 'awaiting-person', operation: this.openPrompt.operation };
    }
    if (this.heldOperation !== null) {
      return { status: 'busy', operation: this.heldOperation };
    }
    return this.deviceState ?? { status: 'busy', operation: 'read-state' };
  }

  /** Name of the open app as last read, which some status words need to be classified. */
  get appName(): string | undefined {
    switch (this.deviceState?.status) {
      case 'solana-app':
        return SOLANA_APP_NAME;
      case 'dashboard':
        return DASHBOARD_APP_NAMES[0];
      case 'other-app':
        return this.deviceState.name;
      case 'locked':
      case undefined:
        return undefined;
    }
  }

  /**
   * Queues a job. Calls are rejected with LEDGER_BUSY while a job that waits for the
   * person is queued or running, because nothing behind it could run until the person acts.
   * They are rejected with LEDGER_PROMPT_PENDING while the device still shows a prompt whose
   * caller gave up, because the device would not answer anything else until the person acts.
   */
  async run<T>(
    operation: LedgerOperation,
    task: (job: DeviceJob) => Promise<T>,
    runOptions: RunOptions = {},
  ): Promise<T> {
    if (this.closed) {
      throw new WalletError('LEDGER_NOT_CONNECTED', {});
    }
    this.assertNoOpenPrompt();
    if (this.personOperation !== null) {
      throw new WalletError('LEDGER_BUSY', { operation: this.personOperation });
    }
    if (runOptions.needsPerson === true) {
      this.personOperation = operation;
    }

    try {
      return await this.queue.run(
        () => this.runJob(operation, task, runOptions),
        runOptions.signal,
      );
    } finally {
      if (runOptions.needsPerson === true) {
        this.personOperation = null;
      }
    }
  }

  /** Shows the device as busy with an operation made of several jobs, until released. */
  holdActivity(operation: LedgerOperation): () => void {
    this.heldOperation = operation;
    this.publish();
    return () => {
      if (this.heldOperation === operation) {
        this.heldOperation = null;
        this.publish();
        this.schedulePoll(0);
      }
    };
  }

  /** Reads the state now, outside the poll schedule. */
  refreshState(signal?: AbortSignal): Promise<ResolvedDeviceState> {
    return this.run('read-state', (job) => job.readState(), { signal, background: true });
  }

  /** Marks the device unplugged: exchanges in flight fail, new jobs wait for re-attach. */
  detach(): void {
    if (!this.attached || this.closed) {
      return;
    }
    this.attached = false;
    this.attachment.abort();
    this.openPrompt = null;
    this.discardTransport();
  }

  /** Marks the device attached again, possibly under a new descriptor after re-enumeration. */
  reattach(descriptor: TransportDescriptor): void {
    if (this.closed) {
      return;
    }
    this.descriptor = descriptor;
    this.attached = true;
    this.attachment = new AbortController();

    const waiters = this.reattachWaiters;
    this.reattachWaiters = [];
    for (const waiter of waiters) {
      waiter.resolve();
    }
    this.schedulePoll(0);
  }

  /** Drops the device for good: after the grace period, or when the service stops. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.attachment.abort();
    this.discardTransport();
    this.closed = true;
    if (this.pollTimer !== null) {
      this.options.timers.clearTimeout(this.pollTimer);
      this.pollTimer = null;
    }

    const waiters = this.reattachWaiters;
    this.reattachWaiters = [];
    for (const waiter of waiters) {
      waiter.reject(new WalletError('LEDGER_NOT_CONNECTED', {}));
    }
    this.publish();
  }

  private async runJob<T>(
    operation: LedgerOperation,
    task: (job: DeviceJob) => Promise<T>,
    runOptions: RunOptions,
  ): Promise<T> {
    if (this.closed) {
      throw new WalletError('LEDGER_NOT_CONNECTED', {});
    }
    // A job queued before a prompt was left open reaches the head of the queue only now.
    this.assertNoOpenPrompt();

    const background = runOptions.background === true;
    if (!background) {
      this.setActivity({ status: 'busy', operation });
    }

    try {
      return await task(this.createJob(operation, runOptions.signal, background));
    } catch (error) {
      let classified = classifyLedgerError(error, this.classifyContext(operation));
      if (classified.code === 'LEDGER_UNKNOWN_STATUS' && isNotThisAppStatus(error)) {
        classified = await this.reclassifyWithFreshState(error, operation, classified);
      }
      this.noteFailure(classified, background);
      throw classified;
    } finally {
      if (!background) {
        this.setActivity(null);
      }
    }
  }

  private createJob(
    operation: LedgerOperation,
    signal: AbortSignal | undefined,
    background: boolean,
  ): DeviceJob {
    const exchange = <T>(work: (transport: Transport) => Promise<T>): Promise<T> =>
      this.exchangeWithinLimits(operation, work, signal, this.options.exchangeTimeoutMs);

    return {
      exchange,
      exchangeWithPerson: async (work) => {
        this.setActivity({ status: 'awaiting-person', operation });
        try {
          return await this.exchangeWithinLimits(operation, work, signal, undefined, true);
        } finally {
          this.setActivity(background ? null : { status: 'busy', operation });
        }
      },
      readState: async () => {
        const state = await exchange(readDeviceState);
        this.setDeviceState(state);
        return state;
      },
    };
  }

  private async exchangeWithinLimits<T>(
    operation: LedgerOperation,
    work: (transport: Transport) => Promise<T>,
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    showsPrompt = false,
  ): Promise<T> {
    await this.waitUntilAttached(signal);

    let inFlight: Promise<T> | null = null;
    return runWithinLimits(
      async () => {
        inFlight = work(await this.acquireTransport());
        return inFlight;
      },
      {
        operation,
        timers: this.options.timers,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(signal === undefined ? {} : { signal }),
        detached: this.attachment.signal,
        onAbandon: () => {
          if (showsPrompt && this.attached && inFlight !== null) {
            this.leavePromptOpen(operation, inFlight);
            return;
          }
          this.options.logger.warn(
            { deviceId: this.id, operation },
            'gave up an exchange in flight; the transport will be reopened',
          );
          this.discardTransport();
        },
        classify: (error) => classifyLedgerError(error, this.classifyContext(operation)),
      },
    );
  }

  /**
   * Keeps the transport of a prompt whose caller stopped waiting, because the device still
   * shows it and ignores other commands until the person approves or rejects it. The reply
   * then arrives on that transport and is discarded, and the device is usable again.
   */
  private leavePromptOpen(operation: LedgerOperation, inFlight: Promise<unknown>): void {
    const prompt = { operation };
    this.openPrompt = prompt;
    this.options.logger.info(
      { deviceId: this.id, operation },
      'stopped waiting for a prompt the device still shows',
    );

    const forgetPrompt = (outcome: string): void => {
      if (this.openPrompt !== prompt) {
        return;
      }
      this.openPrompt = null;
      this.options.logger.info(
        { deviceId: this.id, operation, outcome },
        'the device answered the abandoned prompt; the reply was discarded',
      );
      this.publish();
      this.schedulePoll(0);
    };
    inFlight.then(
      () => forgetPrompt('approved'),
      (error: unknown) => forgetPrompt(classifyLedgerError(error, { operation }).code),
    );
  }

  private assertNoOpenPrompt(): void {
    if (this.openPrompt !== null) {
      throw new WalletError('LEDGER_PROMPT_PENDING', { operation: this.openPrompt.operation });
    }
  }

  private waitUntilAttached(signal: AbortSignal | undefined): Promise<void> {
    if (this.closed) {
      return Promise.reject(new WalletError('LEDGER_NOT_CONNECTED', {}));
    }
    if (this.attached) {
      return Promise.resolve();
    }

    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.reattachWaiters = this.reattachWaiters.filter((waiter) => waiter !== entry);
        reject(new WalletError('CANCELLED', {}));
      };
      const entry = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: (error: WalletError) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.reattachWaiters.push(entry);
    });
  }

  private acquireTransport(): Promise<Transport> {
    if (this.transport !== null) {
      return Promise.resolve(this.transport);
    }
    this.opening ??= this.openTransport();
    return this.opening;
  }

  private async openTransport(): Promise<Transport> {
    const descriptor = this.descriptor;
    try {
      const transport = await this.options.provider.open(descriptor);
      transport.on('disconnect', () => {
        if (this.transport === transport) {
          this.options.logger.info({ deviceId: this.id }, 'transport reported a disconnect');
          this.discardTransport();
        }
      });
      this.transport = transport;
      this.options.logger.debug({ deviceId: this.id }, 'transport opened');
      return transport;
    } finally {
      this.opening = null;
    }
  }

  /**
   * Closes the transport without waiting, because a transport with an exchange in flight
   * (a review the person left open, or a hung device) only closes once it ends.
   * NOTE: node-hid keeps that handle open meanwhile, and the next job opens a second one.
   * A reply that arrives later on the old channel may fail one exchange of the new handle.
   */
  private discardTransport(): void {
    const transport = this.transport;
    this.transport = null;
    this.opening = null;
    if (transport === null) {
      return;
    }
    transport.close().catch((error: unknown) => {
      this.options.logger.warn({ deviceId: this.id, err: error }, 'closing a transport failed');
    });
  }

  /**
   * A "not this app" status word while the cached state says Solana means the app was
   * closed mid-job (for example during discovery). Reading the state again names the fix.
   */
  private async reclassifyWithFreshState(
    error: unknown,
    operation: LedgerOperation,
    fallback: WalletError,
  ): Promise<WalletError> {
    try {
      const state = await this.exchangeWithinLimits(
        'read-state',
        readDeviceState,
        undefined,
        this.options.exchangeTimeoutMs,
      );
      this.setDeviceState(state);
      if (state.status === 'locked') {
        return new WalletError('LEDGER_LOCKED', {}, undefined, { cause: error });
      }
      const raw = isWalletError(error) ? error.cause : error;
      return classifyLedgerError(raw, this.classifyContext(operation));
    } catch {
      return fallback;
    }
  }

  private classifyContext(operation: LedgerOperation): ClassifyContext {
    const appName = this.appName;
    return appName === undefined ? { operation } : { operation, appName };
  }

  private noteFailure(error: WalletError, background: boolean): void {
    if (error.code === 'LEDGER_LOCKED') {
      this.setDeviceState({ status: 'locked' });
    }
    // A failed background read waits for the next interval, or it would retry in a loop.
    if (!background && STATE_REFRESH_CODES.has(error.code)) {
      this.schedulePoll(0);
    }
  }

  private setDeviceState(state: ResolvedDeviceState): void {
    this.deviceState = state;
    this.publish();
  }

  private setActivity(activity: Activity | null): void {
    this.activity = activity;
    this.publish();
  }

  private publish(): void {
    const state = this.state;
    const previous = this.publishedState;
    if (JSON.stringify(state) === JSON.stringify(previous)) {
      return;
    }
    this.publishedState = state;
    this.options.onStateChange({ deviceId: this.id, state, previous });
  }

  private schedulePoll(delayMs: number): void {
    if (this.closed) {
      return;
    }
    if (delayMs !== 0 && this.options.pollIntervalMs === null) {
      return;
    }
    if (this.pollTimer !== null) {
      this.options.timers.clearTimeout(this.pollTimer);
    }
    this.pollTimer = this.options.timers.setTimeout(() => {
      this.pollTimer = null;
      void this.poll();
    }, delayMs);
  }

  private async poll(): Promise<void> {
    if (this.closed) {
      return;
    }

    const idle =
      this.attached &&
      this.queue.size === 0 &&
      this.heldOperation === null &&
      this.openPrompt === null;
    if (idle) {
      try {
        await this.refreshState();
      } catch (error) {
        this.options.logger.debug({ deviceId: this.id, err: error }, 'idle state read failed');
      }
    }

    // A failed read may already have asked for an immediate read; keep that one.
    if (this.pollTimer === null && this.options.pollIntervalMs !== null) {
      this.schedulePoll(this.options.pollIntervalMs);
    }
  }
}
