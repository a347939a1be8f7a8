import Transport from '@ledgerhq/hw-transport';

/** A reply as hex (data and status word), or a function for replies a test controls. */
export type ReplayResponse = string | (() => Promise<string>);

export interface ReplayStep {
  /** The exact APDU the host must send, as hex. */
  request: string;
  response: ReplayResponse;
}

/**
 * A transport that plays back recorded APDU exchanges. Each request must equal the next
 * recorded one byte for byte. A mismatch fails the exchange and is kept in `mismatches`,
 * so a test can show which APDU differed instead of a classified error.
 */
export class ReplayTransport extends Transport {
  readonly requests: string[] = [];
  readonly mismatches: string[] = [];
  closed = false;
  private position = 0;

  constructor(private readonly steps: readonly ReplayStep[]) {
    super();
  }

  /** Recorded steps the host has not sent yet. */
  get remainingSteps(): number {
    return this.steps.length - this.position;
  }

  override exchange(apdu: Buffer): Promise<Buffer> {
    return this.exchangeAtomicImpl(async () => {
      const actual = apdu.toString('hex');
      this.requests.push(actual);

      const step = this.steps[this.position];
      if (step === undefined) {
        this.mismatches.push(`unexpected APDU ${actual} after the last recorded step`);
        throw new Error(`Replay: unexpected APDU ${actual}`);
      }
      if (step.request !== actual) {
        this.mismatches.push(`step ${this.position}: expected ${step.request}, got ${actual}`);
        throw new Error(`Replay: APDU mismatch at step ${this.position}`);
      }
      this.position += 1;

      const response = typeof step.response === 'string' ? step.response : await step.response();
      return Buffer.from(response, 'hex');
    });
  }

  override close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
