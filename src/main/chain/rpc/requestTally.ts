/** Counts HTTP requests, retries included, in total and per JSON-RPC method. */
export class RequestTally {
  private total = 0;
  private readonly perMethod = new Map<string, number>();

  record(method: string): void {
    this.total += 1;
    this.perMethod.set(method, (this.perMethod.get(method) ?? 0) + 1);
  }

  get count(): number {
    return this.total;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(this.perMethod);
  }

  reset(): void {
    this.total = 0;
    this.perMethod.clear();
  }
}
