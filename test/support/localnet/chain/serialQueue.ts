/**
 * Runs async tasks one at a time in arrival order. The bank behind the local chain is
 * mutated by slot warps and transactions, so every RPC request and control runs through
 * one queue and sees a single consistent slot.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
