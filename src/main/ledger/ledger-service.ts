import type Transport from '@ledgerhq/hw-transport';
import type { Logger } from '../logging';

import type {
  DerivationScheme,
  DeviceState,
  DeviceStateChange,
  DiscoveryProgress,
  LedgerAccount,
  SigningProgress,
} from '../../shared/domain/ledger';
import { WalletError } from '../../shared/errors';
import { discoverAccounts, type DiscoveryOptions } from './account-discovery';
import { derivationPathOf, parseDerivationPath, toLedgerAccount } from './derivation';
import { assertSolanaAppOpen } from './device-state-reader';
import { DeviceSession } from './device-session';
import { explainLockDuringPrompt } from './locked-during-prompt';
import {
  bytesEqual,
  decodeAddress,
  encodeAddress,
  encodeSignature,
  isValidSignature,
} from './keys';
import { solanaAppClient } from './solana-app-client';
import { systemTimers, type TimerHandle, type Timers } from './timers';
import type {
  LedgerTransportProvider,
  TransportDescriptor,
  TransportDescriptorEvent,
} from './transport-provider';
import { TypedEvents } from './typed-events';

export interface LedgerServiceOptions {
  /** Time-out of each exchange that does not wait for the person. */
  exchangeTimeoutMs?: number;
  /** How long a detached device keeps its session, so re-enumeration is not a disconnect. */
  detachGraceMs?: number;
  /** Interval of state reads while a device is idle; null turns them off. */
  pollIntervalMs?: number | null;
  timers?: Timers;
}

export interface LedgerServiceEvents extends Record<string, unknown> {
  state: DeviceStateChange;
  discovery: DiscoveryProgress;
  signing: SigningProgress;
}

export interface LedgerDeviceSummary {
  deviceId: string;
  state: DeviceState;
}

export interface DeviceSelection {
  /** The device to use; the first attached device when absent. */
  deviceId?: string;
  signal?: AbortSignal;
}

export interface SignMessageRequest extends DeviceSelection {
  path: string;
  /** The serialized transaction message (not the transaction with its signature slots). */
  message: Uint8Array;
  /** Base58 address the signature must verify against. */
  expectedSigner: string;
  /**
   * Set when the review model has found that the device cannot show this message in
   * clear. The call then fails before the device is asked if blind signing is off.
   */
  requiresBlindSigning?: boolean;
  onProgress?(progress: SigningProgress): void;
}

export interface SignedMessage {
  /** 64-byte Ed25519 signature, verified against `signer` and the message bytes. */
  signature: Uint8Array;
  signer: string;
}

export type DiscoverAccountsRequest = DiscoveryOptions & Pick<DeviceSelection, 'deviceId'>;

// NOTE: these defaults are estimates, not measured on hardware. The grace period must cover
// the USB re-enumeration when an app opens, and the time-out the slowest non-review reply.
export const DEFAULT_EXCHANGE_TIMEOUT_MS = 10_000;
export const DEFAULT_DETACH_GRACE_MS = 3_000;
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

/** A legal Solana transaction is at most 1232 bytes, and the message is part of it. */
export const MAX_MESSAGE_SIZE = 1232;

/**
 * Everything between the wallet and a Ledger running the Solana app: attach and detach
 * with a grace period, a serial queue and an explicit state per device, account
 * derivation and discovery, address verification, and signing with a verified result.
 */
export class LedgerService {
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly graceTimers = new Map<string, TimerHandle>();
  private readonly events: TypedEvents<LedgerServiceEvents>;
  private readonly timers: Timers;
  private readonly exchangeTimeoutMs: number;
  private readonly detachGraceMs: number;
  private readonly pollIntervalMs: number | null;
  private unsubscribe: (() => void) | null = null;
  private nextDeviceNumber = 1;

  constructor(
    private readonly provider: LedgerTransportProvider,
    private readonly logger: Logger,
    options: LedgerServiceOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.exchangeTimeoutMs = options.exchangeTimeoutMs ?? DEFAULT_EXCHANGE_TIMEOUT_MS;
    this.detachGraceMs = options.detachGraceMs ?? DEFAULT_DETACH_GRACE_MS;
    this.pollIntervalMs =
      options.pollIntervalMs === undefined ? DEFAULT_POLL_INTERVAL_MS : options.pollIntervalMs;
    this.events = new TypedEvents((event, error) =>
      this.logger.error({ event, err: error }, 'a Ledger event listener failed'),
    );
  }

  /** Starts watching for devices; devices already attached are reported first. */
  start(): void {
    if (this.unsubscribe !== null) {
      return;
    }
    this.logger.info('watching for Ledger devices');
    this.unsubscribe = this.provider.listen({
      next: (event) => this.onDescriptorEvent(event),
      error: (error) => this.logger.error({ err: error }, 'watching for Ledger devices failed'),
      complete: () => this.logger.info('the Ledger device watcher stopped'),
    });
  }

  /** Stops watching, drops every device and closes its transport. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const timer of this.graceTimers.values()) {
      this.timers.clearTimeout(timer);
    }
    this.graceTimers.clear();
    for (const session of this.sessions.values()) {
      session.close();
    }
    this.sessions.clear();
    this.logger.info('stopped watching for Ledger devices');
  }

  subscribe<E extends keyof LedgerServiceEvents>(
    event: E,
    listener: (payload: LedgerServiceEvents[E]) => void,
  ): () => void {
    return this.events.subscribe(event, listener);
  }

  getDevices(): LedgerDeviceSummary[] {
    return [...this.sessions.values()].map((session) => ({
      deviceId: session.id,
      state: session.state,
    }));
  }

  /** State of one device, or of the first attached device when no id is given. */
  getState(deviceId?: string): DeviceState {
    const session = deviceId === undefined ? this.firstSession() : this.sessions.get(deviceId);
    return session?.state ?? { status: 'no-device' };
  }

  /** Reads the device state now instead of waiting for the next idle read. */
  async refreshState(selection: DeviceSelection = {}): Promise<DeviceState> {
    const session = this.selectSession(selection.deviceId);
    await session.refreshState(selection.signal);
    return session.state;
  }

  /** Derives one account of a scheme without showing anything on the device. */
  async getAccount(
    scheme: DerivationScheme,
    index: number,
    selection: DeviceSelection = {},
  ): Promise<LedgerAccount> {
    const address = await this.getAddress(derivationPathOf(scheme, index), selection);
    return toLedgerAccount(scheme, index, address);
  }

  /** Reads the base58 address of any path under 44'/501' without showing it on the device. */
  async getAddress(path: string, selection: DeviceSelection = {}): Promise<string> {
    parseDerivationPath(path);
    const session = this.selectSession(selection.deviceId);

    return session.run(
      'get-address',
      async (job) => {
        assertSolanaAppOpen(await job.readState());
        return job.exchange((transport) => this.readAddress(transport, path));
      },
      selection.signal === undefined ? {} : { signal: selection.signal },
    );
  }

  /**
   * Finds the used accounts under all three schemes (see `discoverAccounts`). Each
   * derivation is its own queue job, so the chain look-ups between them never hold
   * the device; other calls may run in between.
   */
  async discoverAccounts(request: DiscoverAccountsRequest): Promise<LedgerAccount[]> {
    const session = this.selectSession(request.deviceId);
    const release = session.holdActivity('discover-accounts');
    let stateChecked = false;

    this.logger.info({ deviceId: session.id }, 'account discovery started');
    try {
      const accounts = await discoverAccounts(
        (scheme, index, signal) =>
          session.run(
            'discover-accounts',
            async (job) => {
              if (!stateChecked) {
                assertSolanaAppOpen(await job.readState());
                stateChecked = true;
              }
              const path = derivationPathOf(scheme, index);
              return job.exchange((transport) => this.readAddress(transport, path));
            },
            signal === undefined ? {} : { signal },
          ),
        {
          ...request,
          onProgress: (progress) => {
            this.events.emit('discovery', progress);
            request.onProgress?.(progress);
          },
        },
      );
      this.logger.info(
        { deviceId: session.id, accountsFound: accounts.length },
        'account discovery finished',
      );
      return accounts;
    } catch (error) {
      this.logger.warn({ deviceId: session.id, err: error }, 'account discovery failed');
      throw error;
    } finally {
      release();
    }
  }

  /**
   * Shows the address of a path on the device and resolves true when the person
   * confirms it, false when they reject it.
   */
  async verifyAddress(path: string, selection: DeviceSelection = {}): Promise<boolean> {
    parseDerivationPath(path);
    const session = this.selectSession(selection.deviceId);

    try {
      await session.run(
        'verify-address',
        async (job) => {
          assertSolanaAppOpen(await job.readState());
          await job
            .exchangeWithPerson((transport) => solanaAppClient.getPublicKey(transport, path, true))
            .catch((error: unknown) => {
              throw explainLockDuringPrompt(error, 'verify-address');
            });
        },
        {
          needsPerson: true,
          ...(selection.signal === undefined ? {} : { signal: selection.signal }),
        },
      );
    } catch (error) {
      if (error instanceof WalletError && error.code === 'LEDGER_REJECTED') {
        this.logger.info({ deviceId: session.id, path }, 'address rejected on the device');
        return false;
      }
      throw error;
    }

    this.logger.info({ deviceId: session.id, path }, 'address confirmed on the device');
    return true;
  }

  /**
   * Signs a transaction message on the device. Before the device is asked, the Solana
   * app must be open and the key at `path` must be `expectedSigner`. The returned
   * signature is checked with Ed25519 against that key and the exact message bytes, and
   * a signature that fails the check is never returned.
   */
  async signMessage(request: SignMessageRequest): Promise<SignedMessage> {
    const { path, message, expectedSigner } = request;
    parseDerivationPath(path);
    const signerKey = decodeAddress(expectedSigner, 'expectedSigner');
    assertMessageSize(message);

    const session = this.selectSession(request.deviceId);
    const report = (progress: SigningProgress): void => {
      this.events.emit('signing', progress);
      request.onProgress?.(progress);
    };
    const step = { path, signer: expectedSigner };

    report({ stage: 'requested', ...step });
    this.logger.info({ deviceId: session.id, path, signer: expectedSigner }, 'signing requested');

    const signature = await session.run(
      'sign-message',
      async (job) => {
        const state = await job.readState();
        assertSolanaAppOpen(state);
        if (request.requiresBlindSigning === true && !state.blindSigningEnabled) {
          throw new WalletError('LEDGER_BLIND_SIGNING_REQUIRED', {});
        }

        const deviceKey = await job.exchange((transport) =>
          solanaAppClient.getPublicKey(transport, path, false),
        );
        if (!bytesEqual(deviceKey, signerKey)) {
          throw new WalletError('LEDGER_ACCOUNT_MISMATCH', {
            path,
            expected: expectedSigner,
            actual: encodeAddress(deviceKey),
          });
        }

        report({ stage: 'awaiting-person', ...step });
        const candidate = await job
          .exchangeWithPerson((transport) => solanaAppClient.signMessage(transport, path, message))
          .catch((error: unknown) => {
            throw explainLockDuringPrompt(error, 'sign-message');
          });

        if (!isValidSignature(candidate, message, signerKey)) {
          this.logger.error(
            { deviceId: session.id, path, signer: expectedSigner },
            'the device returned a signature that does not verify; it was discarded',
          );
          throw new WalletError('LEDGER_BAD_SIGNATURE', { path, signer: expectedSigner });
        }
        return candidate;
      },
      { needsPerson: true, ...(request.signal === undefined ? {} : { signal: request.signal }) },
    );

    report({ stage: 'signed', ...step, signature: encodeSignature(signature) });
    this.logger.info({ deviceId: session.id, path, signer: expectedSigner }, 'message signed');
    return { signature, signer: expectedSigner };
  }

  private async readAddress(transport: Transport, path: string): Promise<string> {
    return encodeAddress(await solanaAppClient.getPublicKey(transport, path, false));
  }

  private onDescriptorEvent(event: TransportDescriptorEvent): void {
    switch (event.type) {
      case 'add':
        this.onAttach(event.descriptor);
        return;
      case 'remove':
        this.onDetach(event.descriptor);
        return;
    }
  }

  private onAttach(descriptor: TransportDescriptor): void {
    if (this.findSession(descriptor)?.isAttached === true) {
      return;
    }

    // A device that re-enumerates (for example when an app opens) comes back under a new
    // descriptor. The oldest session still in its grace period takes it over.
    const returning = [...this.sessions.values()].find((session) => !session.isAttached);
    if (returning !== undefined) {
      this.cancelGraceTimer(returning.id);
      returning.reattach(descriptor);
      this.logger.info({ deviceId: returning.id }, 'Ledger re-attached');
      return;
    }

    const deviceId = `ledger-${this.nextDeviceNumber}`;
    this.nextDeviceNumber += 1;
    const session = new DeviceSession(deviceId, descriptor, {
      provider: this.provider,
      logger: this.logger.child({ deviceId }),
      timers: this.timers,
      exchangeTimeoutMs: this.exchangeTimeoutMs,
      pollIntervalMs: this.pollIntervalMs,
      onStateChange: (change) => this.onStateChange(change),
    });
    this.sessions.set(deviceId, session);
    this.logger.info({ deviceId }, 'Ledger attached');
    session.start();
  }

  private onDetach(descriptor: TransportDescriptor): void {
    const session = this.findSession(descriptor);
    if (session === undefined || !session.isAttached) {
      return;
    }

    session.detach();
    this.logger.info(
      { deviceId: session.id, graceMs: this.detachGraceMs },
      'Ledger detached; waiting for it to return',
    );

    const timer = this.timers.setTimeout(() => {
      this.graceTimers.delete(session.id);
      this.sessions.delete(session.id);
      session.close();
      this.logger.info({ deviceId: session.id }, 'Ledger removed');
    }, this.detachGraceMs);
    this.graceTimers.set(session.id, timer);
  }

  private cancelGraceTimer(deviceId: string): void {
    const timer = this.graceTimers.get(deviceId);
    if (timer !== undefined) {
      this.timers.clearTimeout(timer);
      this.graceTimers.delete(deviceId);
    }
  }

  private onStateChange(change: DeviceStateChange): void {
    this.logger.debug(
      { deviceId: change.deviceId, status: change.state.status },
      'Ledger state changed',
    );
    this.events.emit('state', change);
  }

  private findSession(descriptor: TransportDescriptor): DeviceSession | undefined {
    return [...this.sessions.values()].find((session) => session.currentDescriptor === descriptor);
  }

  private firstSession(): DeviceSession | undefined {
    return this.sessions.values().next().value;
  }

  private selectSession(deviceId: string | undefined): DeviceSession {
    const session = deviceId === undefined ? this.firstSession() : this.sessions.get(deviceId);
    if (session === undefined) {
      throw new WalletError('LEDGER_NOT_CONNECTED', {});
    }
    return session;
  }
}

function assertMessageSize(message: Uint8Array): void {
  if (message.length === 0) {
    throw new WalletError(
      'INVALID_REQUEST',
      { method: 'ledger', issues: [{ path: 'message', message: 'The message is empty' }] },
      'The message to sign is empty',
    );
  }
  if (message.length > MAX_MESSAGE_SIZE) {
    throw new WalletError('LEDGER_MESSAGE_TOO_LARGE', {
      size: message.length,
      maxSize: MAX_MESSAGE_SIZE,
    });
  }
}
