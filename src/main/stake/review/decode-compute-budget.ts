import type { ReviewAction } from '../../../shared/domain/stake';
import { ByteReader } from '../bytes';
import { ComputeBudgetIndex } from '../instructions/compute-budget';

/** Decodes a Compute Budget instruction (u8 discriminant). Returns null for an unknown one. */
export function decodeComputeBudgetInstruction(data: Uint8Array): ReviewAction | null {
  const reader = new ByteReader(data);
  const discriminant = reader.u8('compute budget discriminant');

  switch (discriminant) {
    case ComputeBudgetIndex.requestUnits:
      return {
        kind: 'computeBudgetRequestUnits',
        units: reader.u32('units'),
        additionalFee: reader.u32('additional fee'),
      };
    case ComputeBudgetIndex.requestHeapFrame:
      return { kind: 'computeBudgetRequestHeapFrame', bytes: reader.u32('heap bytes') };
    case ComputeBudgetIndex.setComputeUnitLimit:
      return { kind: 'computeBudgetSetComputeUnitLimit', units: reader.u32('units') };
    case ComputeBudgetIndex.setComputeUnitPrice:
      return {
        kind: 'computeBudgetSetComputeUnitPrice',
        microLamports: reader.u64('micro-lamports per unit').toString(),
      };
    case ComputeBudgetIndex.setLoadedAccountsDataSizeLimit:
      return {
        kind: 'computeBudgetSetLoadedAccountsDataSizeLimit',
        bytes: reader.u32('data size bytes'),
      };
    default:
      return null;
  }
}
