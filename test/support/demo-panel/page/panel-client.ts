import {
  panelControlPrefix,
  panelEventsPath,
  stateEventName,
  type ControlName,
  type ControlReply,
  type PanelState,
} from '../protocol';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

export interface PanelClientHandlers {
  onState(state: PanelState): void;
  onConnection(status: ConnectionStatus): void;
  /** A control failed; `null` clears the last message after a control that worked. */
  onControlError(message: string | null): void;
}

/**
 * Talks to the panel's server: the event stream of device states, and the POST controls.
 * States arrive on both paths, so the newest revision wins whichever path it came by.
 */
export class PanelClient {
  private revision = -1;

  constructor(
    private readonly token: string,
    private readonly handlers: PanelClientHandlers,
  ) {}

  connect(): void {
    this.handlers.onConnection('connecting');
    // EventSource cannot send headers, so the token goes in the query as for the page itself.
    const events = new EventSource(`${panelEventsPath}?token=${encodeURIComponent(this.token)}`);
    events.addEventListener('open', () => this.handlers.onConnection('connected'));
    events.addEventListener('error', () => this.handlers.onConnection('reconnecting'));
    events.addEventListener(stateEventName, (event) => {
      if (event instanceof MessageEvent && typeof event.data === 'string') {
        this.accept(JSON.parse(event.data) as PanelState);
      }
    });
  }

  async send(name: ControlName, body: Record<string, unknown> = {}): Promise<void> {
    let reply: ControlReply;
    try {
      const response = await fetch(`${panelControlPrefix}${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
        body: JSON.stringify(body),
      });
      reply = (await response.json()) as ControlReply;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.handlers.onControlError(`The panel server did not respond: ${reason}`);
      return;
    }

    if (reply.ok) {
      this.handlers.onControlError(null);
      this.accept(reply.state);
    } else {
      this.handlers.onControlError(reply.error);
    }
  }

  private accept(state: PanelState): void {
    if (state.revision <= this.revision) {
      return;
    }
    this.revision = state.revision;
    this.handlers.onState(state);
  }
}
