import { DisconnectedDevice, DisconnectedDeviceDuringOperation } from '@ledgerhq/errors';
import Transport from '@ledgerhq/hw-transport';
import { DeviceUnpluggedError } from './emulator-types';
import type { LedgerEmulator } from './ledger-emulator';

/**
 * A `Transport` of `@ledgerhq/hw-transport` whose exchanges go straight to a LedgerEmulator.
 * Disconnects surface as the node-hid transport reports them: `DisconnectedDeviceDuringOperation`
 * when writing to an unplugged device, `DisconnectedDevice` when the device goes away while
 * the host waits for the response (node-hid's read then returns no data).
 */
export class EmulatorTransport extends Transport {
  private disconnected = false;

  constructor(private readonly emulator: LedgerEmulator) {
    super();
  }

  override exchange(apdu: Buffer): Promise<Buffer> {
    return this.exchangeAtomicImpl(async () => {
      try {
        const response = await this.emulator.exchange(new Uint8Array(apdu));
        return Buffer.from(response);
      } catch (error) {
        if (error instanceof DeviceUnpluggedError) {
          this.markDisconnected();
          throw error.phase === 'before-exchange'
            ? new DisconnectedDeviceDuringOperation('Cannot write to HID device')
            : new DisconnectedDevice();
        }
        throw error;
      }
    });
  }

  override setScrambleKey(): void {}

  override close(): Promise<void> {
    return Promise.resolve();
  }

  private markDisconnected(): void {
    if (!this.disconnected) {
      this.disconnected = true;
      this.emit('disconnect');
    }
  }
}
