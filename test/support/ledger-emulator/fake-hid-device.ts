import { EventEmitter } from 'node:events';
import type { Device, HID } from 'node-hid';
import { DeviceUnpluggedError } from './emulator-types';
import { HID_PACKET_SIZE, HidFrameAssembler, encodeHidFrames } from './hid-framing';
import type { LedgerEmulator } from './ledger-emulator';

type ReadCallback = Parameters<HID['read']>[0];

/**
 * node-hid's native read passes no data with an error, although its typings promise an
 * array; TransportNodeHid checks for missing data first and reports `DisconnectedDevice`.
 */
const NO_DATA = undefined as unknown as number[];

/** Ledger's USB vendor id; product 0x5011 is a Nano S Plus. */
const LEDGER_VENDOR_ID = 0x2c97;
const NANO_S_PLUS_PRODUCT_ID = 0x5011;
const REPORT_ID = 0x00;

/**
 * A stand-in for node-hid's `HID` object that carries Ledger's HID framing to and from a
 * LedgerEmulator, so that `new TransportNodeHid(device)` from
 * `@ledgerhq/hw-transport-node-hid(-noevents)` runs unchanged. That transport writes 65-byte
 * reports (report id 0x00 and one 64-byte frame) and reads frames with `read(callback)`.
 * It also calls `getDeviceInfo()` and `close()`. `readSync` and `readTimeout` serve other callers.
 */
export class FakeHidDevice extends EventEmitter implements HID {
  private readonly assembler = new HidFrameAssembler();
  private readonly frames: number[][] = [];
  private readonly waitingReads: ReadCallback[] = [];
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly emulator: LedgerEmulator,
    private readonly info: Device = {
      vendorId: LEDGER_VENDOR_ID,
      productId: NANO_S_PLUS_PRODUCT_ID,
      path: 'ledger-emulator',
      manufacturer: 'Ledger',
      product: 'Nano S Plus',
      release: 0x0201,
      interface: 0,
    },
  ) {
    super();
    // node-hid fails a pending read when the device disappears.
    this.unsubscribe = emulator.subscribe((event) => {
      if (event.type === 'status-changed' && event.status.kind === 'unplugged') {
        this.failWaitingReads(new Error('could not read from HID device'));
      }
    });
  }

  /** Writes one report: a 0x00 report id, then a 64-byte frame. Returns the bytes written. */
  write(values: number[] | Buffer): number {
    if (this.closed) {
      throw new Error('Cannot write to a closed HID device');
    }
    if (this.emulator.status.kind === 'unplugged') {
      throw new Error('Cannot write to hid device');
    }
    const report = Uint8Array.from(values);
    if (report.length !== HID_PACKET_SIZE + 1 || report[0] !== REPORT_ID) {
      throw new Error(`Expected a ${HID_PACKET_SIZE + 1}-byte report starting with report id 0`);
    }

    const apdu = this.assembler.push(report.subarray(1));
    if (apdu) {
      this.forward(apdu, this.assembler.currentChannel ?? 0);
    }
    return report.length;
  }

  read(callback: ReadCallback): void {
    if (this.closed) {
      throw new Error('Unable to read from a closed HID device');
    }
    const frame = this.frames.shift();
    if (frame) {
      queueMicrotask(() => callback(undefined, frame));
      return;
    }
    if (this.emulator.status.kind === 'unplugged') {
      queueMicrotask(() => callback(new Error('could not read from HID device'), NO_DATA));
      return;
    }
    this.waitingReads.push(callback);
  }

  /** Returns a queued frame, or an empty array when none has arrived (never blocks). */
  readSync(): number[] {
    return this.frames.shift() ?? [];
  }

  readTimeout(): number[] {
    return this.readSync();
  }

  getDeviceInfo(): Device {
    return this.info;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.removeAllListeners();
  }

  pause(): void {}

  resume(): void {}

  setNonBlocking(): void {}

  sendFeatureReport(values: number[] | Buffer): number {
    return values.length;
  }

  getFeatureReport(): number[] {
    return [];
  }

  private forward(apdu: Uint8Array, channel: number): void {
    this.emulator.exchange(apdu).then(
      (response) => {
        for (const frame of encodeHidFrames(channel, response)) {
          this.deliver(Array.from(frame));
        }
      },
      (error: unknown) => {
        if (!(error instanceof DeviceUnpluggedError)) {
          this.failWaitingReads(error instanceof Error ? error : new Error(String(error)));
        }
      },
    );
  }

  private deliver(frame: number[]): void {
    const callback = this.waitingReads.shift();
    if (callback) {
      callback(undefined, frame);
    } else {
      this.frames.push(frame);
    }
  }

  private failWaitingReads(error: Error): void {
    for (const callback of this.waitingReads.splice(0)) {
      callback(error, NO_DATA);
    }
  }
}
