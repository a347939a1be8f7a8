export {
  StoreService,
  type StoreEventListener,
  type StoreOpenReport,
  type StoreServiceOptions,
} from './store-service';
export { StoredAccountsService } from './stored-accounts-service';
export { StoredSettingsService } from './stored-settings-service';
export { SnapshotService } from './snapshot-service';
export {
  PendingTransactionService,
  type PendingStatusChange,
} from './pending/pending-transaction-service';
export { canTransition, isRemovable } from './pending/transitions';
export {
  AuditLogService,
  type AuditLogReport,
  type AuditSignatureRequestInput,
  type AuditStatusUpdateInput,
} from './audit/audit-log-service';
export { genesisHash, hashAuditLine, verifyAuditChain, type HeadState } from './audit/audit-chain';
export { hashMessage } from './hash-message';
export { formatAuditCsv } from './csv/audit-csv';
export { formatRewardsCsv, formatSol } from './csv/rewards-csv';
export { formatCsv, type CsvCell } from './csv/csv-format';
export { createSettingsPersistence } from './settings-persistence';
