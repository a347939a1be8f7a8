import { concatBytes } from './bytes';

/** Ledger USB HID reports are 64 bytes. */
export const HID_PACKET_SIZE = 64;
/** Tag of frames that carry an APDU (0x02 would be a ping). */
export const HID_TAG_APDU = 0x05;

const HEADER_SIZE = 5;

/** Raised when a frame does not belong to the exchange being reassembled. */
export class HidFramingError extends Error {
  override readonly name = 'HidFramingError';
}

/**
 * Cuts a message into HID frames: channel (2 bytes, big-endian), tag 0x05, sequence index
 * (2 bytes), then the payload. Frame 0's payload starts with the total message length
 * (2 bytes), so it carries 57 message bytes and every later frame 59. The last frame is
 * padded with zeros.
 */
export function encodeHidFrames(channel: number, message: Uint8Array): Uint8Array[] {
  const lengthPrefix = Uint8Array.of((message.length >> 8) & 0xff, message.length & 0xff);
  const payload = concatBytes(lengthPrefix, message);
  const chunkSize = HID_PACKET_SIZE - HEADER_SIZE;
  const frames: Uint8Array[] = [];

  for (let sequence = 0; sequence * chunkSize < payload.length; sequence++) {
    const frame = new Uint8Array(HID_PACKET_SIZE);
    frame[0] = (channel >> 8) & 0xff;
    frame[1] = channel & 0xff;
    frame[2] = HID_TAG_APDU;
    frame[3] = (sequence >> 8) & 0xff;
    frame[4] = sequence & 0xff;
    frame.set(payload.subarray(sequence * chunkSize, (sequence + 1) * chunkSize), HEADER_SIZE);
    frames.push(frame);
  }
  return frames;
}

/** Reassembles one message from its frames, checking channel, tag and sequence. */
export class HidFrameAssembler {
  private channel: number | null = null;
  private expectedLength = 0;
  private nextSequence = 0;
  private received: Uint8Array[] = [];
  private receivedLength = 0;

  /** Channel of the message being (or last) reassembled. The device replies on the same channel. */
  get currentChannel(): number | null {
    return this.channel;
  }

  /** Adds a frame; returns the message once all its bytes have arrived, else null. */
  push(frame: Uint8Array): Uint8Array | null {
    if (frame.length < HEADER_SIZE + (this.nextSequence === 0 ? 2 : 0)) {
      throw new HidFramingError(`HID frame of ${frame.length} bytes is too short`);
    }
    const view = Buffer.from(frame);
    const channel = view.readUInt16BE(0);
    const tag = view.readUInt8(2);
    const sequence = view.readUInt16BE(3);

    if (tag !== HID_TAG_APDU) {
      throw new HidFramingError(`Unexpected HID tag 0x${tag.toString(16)}`);
    }
    if (sequence !== this.nextSequence) {
      this.reset();
      throw new HidFramingError(`Expected HID sequence ${this.nextSequence}, got ${sequence}`);
    }
    if (sequence === 0) {
      this.channel = channel;
      this.expectedLength = view.readUInt16BE(HEADER_SIZE);
    } else if (channel !== this.channel) {
      this.reset();
      throw new HidFramingError(`HID frame on channel ${channel}, expected ${this.channel}`);
    }

    const chunk = frame.subarray(sequence === 0 ? HEADER_SIZE + 2 : HEADER_SIZE);
    const needed = this.expectedLength - this.receivedLength;
    this.received.push(chunk.slice(0, needed));
    this.receivedLength += Math.min(chunk.length, needed);
    this.nextSequence += 1;

    if (this.receivedLength < this.expectedLength) {
      return null;
    }
    const message = concatBytes(...this.received);
    this.startNextMessage();
    return message;
  }

  reset(): void {
    this.channel = null;
    this.startNextMessage();
  }

  private startNextMessage(): void {
    this.expectedLength = 0;
    this.nextSequence = 0;
    this.received = [];
    this.receivedLength = 0;
  }
}
