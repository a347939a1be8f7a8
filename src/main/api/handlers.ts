import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';

/** Per-call facts a handler may need; the bridge fills them in. */
export interface CallContext {
  /** Aborted when the caller goes away (window closed, socket dropped). */
  signal: AbortSignal;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  context: CallContext,
) => Promise<MethodOutput<M>>;

/** One handler per contract method; the type makes a missing handler a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one domain's slice of the contract, such as the ledger methods. */
export type HandlersOf<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };
