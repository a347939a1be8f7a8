import { randomBytes as secureRandomBytes } from '@noble/hashes/utils.js';
import { DEFAULT_SOLANA_SETTINGS, type SolanaAppSettings } from './app-settings';
import { screensOf, type ConfirmationPrompt } from './confirmation';
import {
  DeviceBusyError,
  DeviceUnpluggedError,
  type ConfirmationRequest,
  type DeviceStatus,
  type EmulatorEvent,
  type RequestOutcome,
  type SignatureFault,
} from './emulator-types';
import { Slip10Keyring, SPECULOS_MNEMONIC, parseDerivationPath } from './keys';
import {
  DASHBOARD_INS_OPEN_APP,
  DASHBOARD_NAME,
  OS_CLA,
  OS_INS_GET_APP_AND_VERSION,
  OS_INS_QUIT_APP,
  appAndVersionReply,
  withStatusWord,
} from './os-commands';
import { ScriptedPerson, type PersonAction } from './scripted-person';
import { respond, type AppReply } from './sign-handlers';
import { SolanaApp } from './solana-app';
import { StatusWord } from './status-words';
import { SOLANA_CLA } from './apdu/instruction-codes';

export const SOLANA_APP_NAME = 'Solana';

export interface LedgerEmulatorOptions {
  /** BIP-39 mnemonic of the device; the Speculos one by default. */
  readonly mnemonic?: string;
  readonly settings?: Partial<SolanaAppSettings>;
  /** Where the device starts; the Solana app is open by default. */
  readonly initialStatus?: 'locked' | 'dashboard' | 'solana';
  /** Action of the person once the scripted queue is empty; `wait` by default. */
  readonly person?: PersonAction;
  /** Apps besides Solana that can be opened, with their versions. */
  readonly otherApps?: Readonly<Record<string, string>>;
  /** Firmware version the dashboard reports. */
  readonly firmwareVersion?: string;
  /** Source of the `E0 20` challenge bytes. */
  readonly randomBytes?: (length: number) => Uint8Array;
}

type Foreground = { readonly kind: 'dashboard' } | { readonly kind: 'app'; readonly name: string };

interface PendingRequest {
  request: ConfirmationRequest;
  readonly prompt: ConfirmationPrompt;
  readonly resolve: (response: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

/** Flags byte the Solana app reports through `B0 01` (from a real device capture). */
const SOLANA_APP_FLAGS = 0x02;
const DEFAULT_OTHER_APPS = { Ethereum: '1.13.0', Bitcoin: '2.2.3' };

/**
 * A Ledger device running the Solana app, driven through APDUs. It keeps the device state
 * (cable, lock, dashboard or app, app settings), responds the way the app and the OS do, and
 * holds each request that needs confirmation until the scripted person or a caller acts.
 */
export class LedgerEmulator {
  readonly person: ScriptedPerson;

  private readonly keyring: Slip10Keyring;
  private readonly solanaApp: SolanaApp;
  private readonly otherApps: Readonly<Record<string, string>>;
  private readonly firmwareVersion: string;
  private readonly listeners = new Set<(event: EmulatorEvent) => void>();
  private readonly injectedStatusWords: number[] = [];
  private appSettings: SolanaAppSettings;
  private plugged = true;
  private locked: boolean;
  private foreground: Foreground;
  private pending: PendingRequest | null = null;
  private nextRequestId = 1;
  private signatureFault: SignatureFault | null = null;

  constructor(options: LedgerEmulatorOptions = {}) {
    this.keyring = new Slip10Keyring(options.mnemonic ?? SPECULOS_MNEMONIC);
    this.solanaApp = new SolanaApp(this.keyring, options.randomBytes ?? secureRandomBytes);
    this.appSettings = { ...DEFAULT_SOLANA_SETTINGS, ...options.settings };
    this.otherApps = options.otherApps ?? DEFAULT_OTHER_APPS;
    this.firmwareVersion = options.firmwareVersion ?? '2.4.2';
    this.person = new ScriptedPerson(options.person);

    const initial = options.initialStatus ?? 'solana';
    this.locked = initial === 'locked';
    this.foreground =
      initial === 'solana' ? { kind: 'app', name: SOLANA_APP_NAME } : { kind: 'dashboard' };
  }

  get settings(): SolanaAppSettings {
    return this.appSettings;
  }

  get status(): DeviceStatus {
    if (!this.plugged) {
      return { kind: 'unplugged' };
    }
    if (this.locked) {
      return { kind: 'locked' };
    }
    if (this.foreground.kind === 'dashboard') {
      return { kind: 'dashboard' };
    }
    return {
      kind: 'app',
      name: this.foreground.name,
      version: this.versionOf(this.foreground.name),
    };
  }

  get currentRequest(): ConfirmationRequest | null {
    return this.pending?.request ?? null;
  }

  /** Raw public key of a path ("44'/501'/0'" or indexes), for tests that need addresses. */
  publicKey(path: string | readonly number[]): Uint8Array {
    return this.keyring.publicKey(typeof path === 'string' ? parseDerivationPath(path) : path);
  }

  subscribe(listener: (event: EmulatorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends one APDU and resolves with the response data followed by the status word. Requests
   * that need confirmation stay pending until the person acts; pulling the cable rejects with
   * `DeviceUnpluggedError`.
   */
  exchange(apdu: Uint8Array): Promise<Uint8Array> {
    if (!this.plugged) {
      return Promise.reject(new DeviceUnpluggedError('before-exchange'));
    }
    if (this.pending) {
      return Promise.reject(
        new DeviceBusyError('A request is still waiting for the person on the device'),
      );
    }

    const injected = this.injectedStatusWords.shift();
    if (injected !== undefined) {
      return Promise.resolve(withStatusWord(new Uint8Array(), injected));
    }

    const reply = this.route(apdu);
    if (reply.kind === 'response') {
      return Promise.resolve(withStatusWord(reply.data, reply.statusWord));
    }
    return this.startRequest(reply.prompt);
  }

  // Controls of the person and of the device panel.

  approve(): void {
    const pending = this.requirePending('approve');
    let data = pending.prompt.approve();
    if (pending.prompt.producesSignature && this.signatureFault) {
      data = corruptSignature(data, this.signatureFault);
    }
    this.settle(pending, 'approved');
    pending.resolve(withStatusWord(data, StatusWord.OK));
  }

  reject(): void {
    const pending = this.requirePending('reject');
    this.settle(pending, 'rejected');
    pending.resolve(withStatusWord(new Uint8Array(), pending.prompt.rejectStatusWord));
  }

  /** Moves to the next screen of the pending request (stops on the last one). */
  next(): void {
    this.moveScreen(1);
  }

  previous(): void {
    this.moveScreen(-1);
  }

  /**
   * Locks the device. A request waiting for the person ends with 0x5515 (locked device), so
   * the host learns of the lock. NOTE: this is how the emulator models the lock screen taking
   * over a prompt. The reply was not captured from a real device.
   */
  lock(): void {
    this.requirePlugged('lock');
    const pending = this.pending;
    if (pending) {
      this.settle(pending, 'locked');
      this.solanaApp.reset();
      pending.resolve(withStatusWord(new Uint8Array(), StatusWord.LOCKED_DEVICE));
    }
    this.locked = true;
    this.emitStatus();
  }

  unlock(): void {
    this.requirePlugged('unlock');
    this.locked = false;
    this.emitStatus();
  }

  /** Pulls the cable: a pending request fails as a disconnected device. */
  unplug(): void {
    const pending = this.pending;
    if (pending) {
      this.settle(pending, 'unplugged');
      pending.reject(new DeviceUnpluggedError('during-exchange'));
    }
    this.plugged = false;
    this.solanaApp.reset();
    this.emitStatus();
  }

  /** Plugs the cable back in: the device powers up locked, on the dashboard. */
  plug(): void {
    this.plugged = true;
    this.locked = true;
    this.foreground = { kind: 'dashboard' };
    this.emitStatus();
  }

  /** Opens an app from the dashboard, as the person would on the device. */
  openApp(name: string): void {
    this.requireIdle('open an app');
    if (name !== SOLANA_APP_NAME && !(name in this.otherApps)) {
      throw new Error(`App "${name}" is not installed on the emulated device`);
    }
    this.solanaApp.reset();
    this.foreground = { kind: 'app', name };
    this.emitStatus();
  }

  quitApp(): void {
    this.requireIdle('quit the app');
    this.solanaApp.reset();
    this.foreground = { kind: 'dashboard' };
    this.emitStatus();
  }

  setSettings(settings: Partial<SolanaAppSettings>): void {
    this.appSettings = { ...this.appSettings, ...settings };
    this.emit({ type: 'settings-changed', settings: this.appSettings });
    this.emitStatus();
  }

  /** Makes every later signature wrong in the given way, or correct again with `null`. */
  setSignatureFault(fault: SignatureFault | null): void {
    this.signatureFault = fault;
  }

  /**
   * Returns a bare status word for the next APDU, whatever it is. Used to replay recorded
   * exchanges that no real app state produces (a mocked 0x6808 to `E0 04`).
   */
  injectStatusWord(statusWord: number): void {
    this.injectedStatusWords.push(statusWord);
  }

  private route(apdu: Uint8Array): AppReply {
    if (this.locked) {
      return respond(StatusWord.LOCKED_DEVICE);
    }
    const [cla, ins] = apdu;

    if (cla === OS_CLA && ins === OS_INS_GET_APP_AND_VERSION) {
      return this.foreground.kind === 'dashboard'
        ? respond(StatusWord.OK, appAndVersionReply(DASHBOARD_NAME, this.firmwareVersion, 0))
        : respond(
            StatusWord.OK,
            appAndVersionReply(
              this.foreground.name,
              this.versionOf(this.foreground.name),
              SOLANA_APP_FLAGS,
            ),
          );
    }
    if (cla === OS_CLA && ins === OS_INS_QUIT_APP && this.foreground.kind === 'app') {
      this.solanaApp.reset();
      this.foreground = { kind: 'dashboard' };
      this.emitStatus();
      return respond(StatusWord.OK);
    }

    if (this.foreground.kind === 'dashboard') {
      return this.routeDashboard(apdu);
    }
    if (this.foreground.name !== SOLANA_APP_NAME) {
      // NOTE: real apps that share CLA 0xE0 may return other data or errors for some Solana
      // INS. The emulator returns "INS not supported" for every one.
      return respond(
        cla === SOLANA_CLA ? StatusWord.UNIMPLEMENTED_INSTRUCTION : StatusWord.CLA_NOT_SUPPORTED,
      );
    }
    return this.solanaApp.handle(apdu, this.appSettings);
  }

  /**
   * Handles the dashboard: it opens apps (`E0 D8`, after the person agrees) and returns 0x6E00
   * for every other command. NOTE: some firmwares return 0x6D00 for an unknown `E0` INS.
   */
  private routeDashboard(apdu: Uint8Array): AppReply {
    const [cla, ins, , , length] = apdu;
    if (cla !== SOLANA_CLA || ins !== DASHBOARD_INS_OPEN_APP) {
      return respond(StatusWord.CLA_NOT_SUPPORTED);
    }

    const name = new TextDecoder().decode(apdu.slice(5, 5 + (length ?? 0)));
    if (name !== SOLANA_APP_NAME && !(name in this.otherApps)) {
      return respond(StatusWord.APP_NOT_INSTALLED);
    }
    return {
      kind: 'confirmation',
      prompt: {
        kind: 'open-app',
        warnings: [],
        fields: [{ title: 'Open application', value: name }],
        blindSigning: false,
        approve: () => {
          this.foreground = { kind: 'app', name };
          this.solanaApp.reset();
          return new Uint8Array();
        },
        producesSignature: false,
        rejectStatusWord: StatusWord.USER_REFUSED_ON_DEVICE,
      },
    };
  }

  private startRequest(prompt: ConfirmationPrompt): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      const request: ConfirmationRequest = {
        id: this.nextRequestId++,
        kind: prompt.kind,
        screens: screensOf(prompt),
        screenIndex: 0,
        blindSigning: prompt.blindSigning,
      };
      const pending: PendingRequest = { request, prompt, resolve, reject };
      this.pending = pending;
      this.emit({ type: 'request-started', request });

      const action = this.person.takeNext();
      // Let the caller and subscribers see the pending request before the person acts.
      // A lock meanwhile has already ended the request, so the action is dropped.
      queueMicrotask(() => {
        if (this.pending === pending && !this.locked) {
          this.perform(action);
        }
      });
    });
  }

  private perform(action: PersonAction): void {
    const request = this.pending?.request;
    if (!request) {
      return;
    }
    const approveIndex = request.screens.findIndex((screen) => screen.kind === 'approve');

    switch (action.kind) {
      case 'approve':
        this.approve();
        return;
      case 'reject':
        this.reject();
        return;
      case 'review-and-approve':
        this.stepTo(approveIndex);
        this.approve();
        return;
      case 'review-and-reject':
        this.stepTo(approveIndex + 1);
        this.reject();
        return;
      case 'unplug':
        this.stepTo(action.atScreen);
        this.unplug();
        return;
      case 'wait':
        return;
    }
  }

  private stepTo(index: number): void {
    const request = this.pending?.request;
    if (!request) {
      return;
    }
    const target = Math.min(index, request.screens.length - 1);
    for (let current = request.screenIndex; current < target; current++) {
      this.next();
    }
  }

  private moveScreen(step: number): void {
    const pending = this.requirePending('change screen');
    const last = pending.request.screens.length - 1;
    const screenIndex = Math.min(Math.max(pending.request.screenIndex + step, 0), last);
    if (screenIndex === pending.request.screenIndex) {
      return;
    }
    pending.request = { ...pending.request, screenIndex };
    this.emit({ type: 'screen-changed', request: pending.request });
  }

  private settle(pending: PendingRequest, outcome: RequestOutcome): void {
    this.pending = null;
    this.emit({ type: 'request-settled', request: pending.request, outcome });
    if (outcome === 'approved' && pending.prompt.kind === 'open-app') {
      this.emitStatus();
    }
  }

  private requirePending(action: string): PendingRequest {
    this.requirePlugged(action);
    if (this.locked) {
      throw new Error(`Cannot ${action}: the emulated device is locked`);
    }
    if (!this.pending) {
      throw new Error(`Cannot ${action}: no request is waiting for the person`);
    }
    return this.pending;
  }

  private requirePlugged(action: string): void {
    if (!this.plugged) {
      throw new Error(`Cannot ${action}: the emulated device is unplugged`);
    }
  }

  private requireIdle(action: string): void {
    this.requirePlugged(action);
    if (this.locked) {
      throw new Error(`Cannot ${action}: the emulated device is locked`);
    }
    if (this.pending) {
      throw new Error(`Cannot ${action}: a request is waiting for the person`);
    }
  }

  private versionOf(name: string): string {
    return name === SOLANA_APP_NAME ? this.appSettings.version : (this.otherApps[name] ?? '0.0.0');
  }

  private emitStatus(): void {
    this.emit({ type: 'status-changed', status: this.status });
  }

  private emit(event: EmulatorEvent): void {
    for (const listener of this.listeners) {
      listener(event);
    }
  }
}

function corruptSignature(signature: Uint8Array, fault: SignatureFault): Uint8Array {
  switch (fault) {
    case 'flip-bit': {
      const corrupted = Uint8Array.from(signature);
      corrupted[0] = (corrupted[0] ?? 0) ^ 0x01;
      return corrupted;
    }
    case 'zeros':
      return new Uint8Array(signature.length);
  }
}
