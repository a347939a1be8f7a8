/** How the RPC endpoint treats requests. Controls are served in every mode. */
export type ServingMode =
  | { kind: 'serving' }
  /** Connections are reset, as if the node were unreachable. */
  | { kind: 'offline' }
  /** Every RPC request gets this HTTP status, as from an overloaded or failing node. */
  | { kind: 'httpError'; status: number };
