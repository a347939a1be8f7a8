import Solana from '@ledgerhq/hw-app-solana';
import TransportNodeHid from '@ledgerhq/hw-transport-node-hid';
import TransportNodeHidNoEvents from '@ledgerhq/hw-transport-node-hid-noevents';
import { PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import {
  EmulatorTransport,
  FakeHidDevice,
  HID_PACKET_SIZE,
  LedgerEmulator,
  verifyEd25519,
  type LedgerEmulatorOptions,
} from '../../support/ledger-emulator';

const PATH = "44'/501'/0'";

function setup(options: LedgerEmulatorOptions = {}) {
  const emulator = new LedgerEmulator(options);
  const device = new FakeHidDevice(emulator);
  const transport = new TransportNodeHidNoEvents(device);
  return { emulator, device, transport, solana: new Solana(transport) };
}

/** Records every report the transport writes to the fake device. */
function recordWrites(device: FakeHidDevice): number[][] {
  const reports: number[][] = [];
  const write = device.write.bind(device);
  device.write = (values: number[] | Buffer) => {
    reports.push([...values]);
    return write(values);
  };
  return reports;
}

describe('TransportNodeHid over the fake HID device', () => {
  it('exchanges a single-frame APDU with 65-byte reports', async () => {
    const { solana, device } = setup({ settings: { version: '1.9.0' } });
    const reports = recordWrites(device);

    const config = await solana.getAppConfiguration();

    expect(config.version).toBe('1.9.0');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toHaveLength(HID_PACKET_SIZE + 1);
    expect(reports[0]?.[0]).toBe(0);
    expect(reports[0]?.[3]).toBe(0x05);
  });

  it('identifies the device model from the product name', () => {
    const { transport } = setup();

    expect(transport.deviceModel?.productName).toBe('Ledger Nano S Plus');
  });

  it('signs a message sent as a multi-frame APDU', async () => {
    const { solana, device, emulator } = setup({ person: { kind: 'review-and-approve' } });
    const signer = new PublicKey(emulator.publicKey(PATH));
    const message = new Transaction({
      feePayer: signer,
      recentBlockhash: 'EETubP5AKHgjPAhzPAFcb8BAY1hMH639CWCFTqi3hq1k',
    })
      .add(
        SystemProgram.transfer({ fromPubkey: signer, toPubkey: PublicKey.default, lamports: 42 }),
      )
      .serializeMessage();
    const reports = recordWrites(device);

    const { signature } = await solana.signTransaction(PATH, message);

    expect(reports.length).toBeGreaterThan(1);
    expect(reports.map((report) => report[5])).toEqual(reports.map((_, index) => index));
    expect(verifyEd25519(signature, message, signer.toBytes())).toBe(true);
  });

  it('reports status words as TransportStatusError', async () => {
    const { solana } = setup({ initialStatus: 'locked' });

    await expect(solana.getAppConfiguration()).rejects.toMatchObject({
      name: 'LockedDeviceError',
      statusCode: 0x5515,
    });
  });

  it('fails like EmulatorTransport when unplugged during a review', async () => {
    const hid = setup({ person: { kind: 'unplug', atScreen: 0 } });
    const direct = new LedgerEmulator({ person: { kind: 'unplug', atScreen: 0 } });
    const directSolana = new Solana(new EmulatorTransport(direct));

    const hidError: unknown = await hid.solana
      .getAddress(PATH, true)
      .catch((error: unknown) => error);
    const directError: unknown = await directSolana
      .getAddress(PATH, true)
      .catch((error: unknown) => error);

    expect(hidError).toMatchObject({ name: 'DisconnectedDevice' });
    expect(directError).toMatchObject({ name: 'DisconnectedDevice' });
  });

  it('fails like EmulatorTransport when writing to an unplugged device', async () => {
    const hid = setup();
    hid.emulator.unplug();
    const direct = new LedgerEmulator();
    direct.unplug();
    const directSolana = new Solana(new EmulatorTransport(direct));

    const hidError: unknown = await hid.solana
      .getAppConfiguration()
      .catch((error: unknown) => error);
    const directError: unknown = await directSolana
      .getAppConfiguration()
      .catch((error: unknown) => error);

    expect(hidError).toMatchObject({ name: 'DisconnectedDeviceDuringOperation' });
    expect(directError).toMatchObject({ name: 'DisconnectedDeviceDuringOperation' });
  });

  it('works with the event-listening TransportNodeHid the app uses', async () => {
    const emulator = new LedgerEmulator();
    const solana = new Solana(new TransportNodeHid(new FakeHidDevice(emulator)));

    const { address } = await solana.getAddress(PATH);

    expect(new PublicKey(address).toBase58()).toBe('2SjBBhnRiESRWYPqSti1mM2u47aBa6vBg2YHVqcEmTKH');
  });

  it('closes the device', async () => {
    const { transport, device } = setup();

    await transport.close();

    expect(() => device.read(() => undefined)).toThrow('closed');
  });
});
