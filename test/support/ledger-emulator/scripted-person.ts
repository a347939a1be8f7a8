/** What the person at the device does with the next request that needs confirmation. */
export type PersonAction =
  /** Press Approve at once, without scrolling through the screens. */
  | { readonly kind: 'approve' }
  /** Step through every screen, then approve. */
  | { readonly kind: 'review-and-approve' }
  | { readonly kind: 'reject' }
  | { readonly kind: 'review-and-reject' }
  /** Leave the request pending until `approve()`, `reject()` or `unplug()` is called. */
  | { readonly kind: 'wait' }
  /** Step to screen `atScreen` (0 = first), then pull the cable. */
  | { readonly kind: 'unplug'; readonly atScreen: number };

/** A queue of scripted actions, one per confirmation request, then a default action. */
export class ScriptedPerson {
  private readonly queue: PersonAction[] = [];

  constructor(private fallback: PersonAction = { kind: 'wait' }) {}

  /** Adds actions for the next requests, in order. */
  enqueue(...actions: PersonAction[]): void {
    this.queue.push(...actions);
  }

  /** Sets the action used once the queue is empty. */
  setDefault(action: PersonAction): void {
    this.fallback = action;
  }

  clear(): void {
    this.queue.length = 0;
  }

  get queuedActions(): readonly PersonAction[] {
    return [...this.queue];
  }

  takeNext(): PersonAction {
    return this.queue.shift() ?? this.fallback;
  }
}
