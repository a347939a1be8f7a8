import { describe, expect, it } from 'vitest';
import {
  HID_PACKET_SIZE,
  HidFrameAssembler,
  HidFramingError,
  encodeHidFrames,
  toHex,
} from '../../support/ledger-emulator';

describe('encodeHidFrames', () => {
  it('puts channel, tag, sequence and total length in frame 0', () => {
    const [frame, ...rest] = encodeHidFrames(0x0101, Uint8Array.from([0xe0, 0x04, 0, 0, 0]));

    expect(rest).toHaveLength(0);
    expect(frame).toHaveLength(HID_PACKET_SIZE);
    expect(toHex(frame?.slice(0, 12) ?? new Uint8Array())).toBe('010105000000' + '05e004000000');
    expect(frame?.slice(12).every((byte) => byte === 0)).toBe(true);
  });

  it('carries 57 bytes in frame 0 and 59 in each later frame', () => {
    const message = Uint8Array.from({ length: 57 + 59 + 1 }, (_, index) => index & 0xff);

    const frames = encodeHidFrames(0xbeef, message);

    expect(frames).toHaveLength(3);
    expect(frames[1]?.slice(0, 5)).toEqual(Uint8Array.from([0xbe, 0xef, 0x05, 0x00, 0x01]));
    expect(frames[1]?.[5]).toBe(57);
    expect(frames[2]?.[5]).toBe(57 + 59);
  });
});

describe('HidFrameAssembler', () => {
  it('reassembles a multi-frame message and strips the padding', () => {
    const message = Uint8Array.from({ length: 300 }, (_, index) => (index * 7) & 0xff);
    const assembler = new HidFrameAssembler();

    const results = encodeHidFrames(0x1234, message).map((frame) => assembler.push(frame));

    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(results.at(-1)).toEqual(message);
    expect(assembler.currentChannel).toBe(0x1234);
  });

  it('rejects a frame out of sequence', () => {
    const frames = encodeHidFrames(1, new Uint8Array(200));
    const assembler = new HidFrameAssembler();
    assembler.push(frames[0] ?? new Uint8Array());

    expect(() => assembler.push(frames[2] ?? new Uint8Array())).toThrow(HidFramingError);
  });

  it('rejects a continuation on another channel', () => {
    const assembler = new HidFrameAssembler();
    assembler.push(encodeHidFrames(1, new Uint8Array(100))[0] ?? new Uint8Array());

    expect(() =>
      assembler.push(encodeHidFrames(2, new Uint8Array(100))[1] ?? new Uint8Array()),
    ).toThrow(HidFramingError);
  });

  it('rejects a frame with a tag other than 0x05', () => {
    const frame = encodeHidFrames(1, new Uint8Array(4))[0] ?? new Uint8Array();
    frame[2] = 0x02;

    expect(() => new HidFrameAssembler().push(frame)).toThrow(HidFramingError);
  });
});
