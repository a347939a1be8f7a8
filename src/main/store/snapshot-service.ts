import type { z } from 'zod';

import type { ClusterId } from '../../shared/domain/chain';
import {
  snapshotSchema,
  storeFileVersions,
  type Snapshot,
  type SnapshotContext,
  type SnapshotKind,
} from '../../shared/domain/store';
import { setAsideFile } from './fs/set-aside';
import { snapshotFile } from './layout';
import type { StoreContext } from './store-context';
import { readDocument, writeDocument, type DocumentSpec } from './versioned-document';

/**
 * The last chain data read per cluster and kind, so the app can show something offline.
 * The caller passes the schema of the data. A file that no longer matches it is moved
 * aside and the chain refills it.
 */
export class SnapshotService {
  constructor(private readonly context: StoreContext) {}

  async save<T>(
    kind: SnapshotKind,
    cluster: ClusterId,
    context: SnapshotContext,
    data: T,
    dataSchema: z.ZodType<T, T>,
  ): Promise<void> {
    await writeDocument(this.context, snapshotSpec(kind, cluster, dataSchema), {
      kind,
      cluster,
      context,
      data,
    });
  }

  /** Returns the stored snapshot, or null when there is none or it could not be used. */
  async load<T>(
    kind: SnapshotKind,
    cluster: ClusterId,
    dataSchema: z.ZodType<T, T>,
  ): Promise<Snapshot<T> | null> {
    const spec = snapshotSpec(kind, cluster, dataSchema);
    const read = await readDocument(this.context, spec);
    if (read.status !== 'ok') {
      return null;
    }

    if (read.value.kind !== kind || read.value.cluster !== cluster) {
      await setAsideFile(
        this.context,
        spec.file,
        'invalidSchema',
        `holds ${read.value.cluster} ${read.value.kind} data`,
      );
      return null;
    }
    return read.value;
  }
}

function snapshotSpec<T>(
  kind: SnapshotKind,
  cluster: ClusterId,
  dataSchema: z.ZodType<T, T>,
): DocumentSpec<Snapshot<T>> {
  return {
    file: snapshotFile(kind, cluster),
    version: storeFileVersions.snapshot,
    schema: snapshotSchema(dataSchema),
    migrations: [],
  };
}
