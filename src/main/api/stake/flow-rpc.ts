// The stake flows read and send through the shared transaction RPC module; these names keep
// the flow modules' imports short.
export {
  encodeTransaction,
  TransactionRpc as FlowRpc,
  type LatestBlockhash,
  type SendResult,
  type SignatureStatus,
  type SimulationResult,
  type VoteAccounts,
} from '../transaction-rpc';
