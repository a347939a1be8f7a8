import type { Logger } from 'pino';
import { z } from 'zod';

import type { AuditLogView, ExportedFile } from '../../../shared/contract/offline';
import { rewardEntrySchema, type RewardEntry } from '../../../shared/domain/chain';
import type { StoredAccount } from '../../../shared/domain/store';
import type { ChainService } from '../../chain';
import type { SettingsService } from '../../settings-service';
import {
  formatAuditCsv,
  formatRewardsCsv,
  type AuditLogService,
  type SnapshotService,
} from '../../store';
import { buildAuditRows, listAuditRestarts } from './audit-view';
import { isNetworkUnavailable, requireNetwork } from './network-required';

const rewardRowsSchema = z.array(rewardEntrySchema);

export interface ExportServiceDependencies {
  chain: () => Promise<ChainService>;
  settings: Pick<SettingsService, 'get'>;
  accounts: { list(): StoredAccount[] };
  audit: Pick<AuditLogService, 'verify'>;
  snapshots: Pick<SnapshotService, 'save' | 'load'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * The audit log as the Activity page shows it, and the CSV exports: the audit log, and the
 * rewards of every stake account per epoch. Rewards are read from the cluster when it
 * can be reached and saved, so the last ones read can still be exported offline.
 */
export class ExportService {
  private readonly now: () => Date;

  constructor(private readonly dependencies: ExportServiceDependencies) {
    this.now = dependencies.now ?? (() => new Date());
  }

  async auditLog(): Promise<AuditLogView> {
    const report = await this.dependencies.audit.verify();
    if (report.chainBreak !== null) {
      this.dependencies.logger.error(
        { chainBreak: report.chainBreak },
        'audit log verification failed',
      );
    }
    return {
      rows: buildAuditRows(report.lines),
      restarts: listAuditRestarts(report.lines),
      chainBreak: report.chainBreak,
      verifiedAt: this.now().toISOString(),
    };
  }

  /** Exports the lines that verified; a CSV of a broken log ends where the break starts. */
  async auditCsv(): Promise<ExportedFile> {
    const report = await this.dependencies.audit.verify();
    return {
      fileName: `audit-log-${this.dateStamp()}.csv`,
      mediaType: 'text/csv',
      content: formatAuditCsv(report.lines),
    };
  }

  /**
   * Exports rewards of the last `epochs` completed epochs for every stake account of the
   * saved accounts.
   *
   * @throws WalletError NETWORK_REQUIRED when the cluster cannot be reached and no rewards
   *   were ever saved for it.
   */
  async rewardsCsv(epochs: number, signal?: AbortSignal): Promise<ExportedFile> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    let rows: RewardEntry[];
    try {
      rows = await this.readRewards(epochs, signal);
    } catch (error) {
      if (!isNetworkUnavailable(error)) {
        throw error;
      }
      const saved = await this.dependencies.snapshots.load('rewards', cluster, rewardRowsSchema);
      if (saved === null) {
        throw requireNetwork(error, 'Exporting rewards', cluster);
      }
      this.dependencies.logger.info(
        { cluster, fetchedAt: saved.context.fetchedAt },
        'cluster unreachable; exporting the last rewards read',
      );
      rows = saved.data;
    }

    return {
      fileName: `rewards-${cluster}-${this.dateStamp()}.csv`,
      mediaType: 'text/csv',
      content: formatRewardsCsv(rows),
    };
  }

  private async readRewards(epochs: number, signal?: AbortSignal): Promise<RewardEntry[]> {
    const cluster = (await this.dependencies.settings.get()).cluster;
    const chain = await this.dependencies.chain();
    const owners = this.dependencies.accounts.list().map((account) => account.publicKey);

    const found = await chain.stakeAccounts.refresh(owners, signal ? { signal } : {});
    const addresses = found.accounts.map((account) => account.address);
    const report = await chain.fetchRewards(addresses, epochs, { signal });
    const epochInfo = await chain.getEpochInfo({ signal });

    await this.dependencies.snapshots.save(
      'rewards',
      cluster,
      { slot: epochInfo.absoluteSlot, epoch: epochInfo.epoch, fetchedAt: this.now().toISOString() },
      report.entries,
      rewardRowsSchema,
    );
    return report.entries;
  }

  private dateStamp(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
