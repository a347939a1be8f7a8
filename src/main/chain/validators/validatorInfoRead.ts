import type { Logger } from 'pino';

import { isWalletError } from '../../../shared/errors';
import { decodeValidatorInfo, type ValidatorInfo } from '../decode/validatorInfo';
import { fetchProgramAccounts, type ReadOptions } from '../rpc/accountReads';
import type { RpcService } from '../rpc/rpcService';
import { CONFIG_PROGRAM_ID, VALIDATOR_INFO_KEY } from '../programIds';

/**
 * Reads every validator-info account of the Config program, keyed by validator identity.
 * The memcmp at offset 1 skips the one-byte key count and matches the `Va1idator1nfo…` key.
 * Accounts that cannot be decoded are logged and skipped, since the info is self-reported.
 */
export async function fetchValidatorInfos(
  rpc: RpcService,
  logger: Logger,
  options: ReadOptions = {},
): Promise<Map<string, ValidatorInfo>> {
  const result = await fetchProgramAccounts(
    rpc,
    CONFIG_PROGRAM_ID.toBase58(),
    [{ memcmp: { offset: 1, bytes: VALIDATOR_INFO_KEY.toBase58() } }],
    options,
  );

  const infos = new Map<string, ValidatorInfo>();
  let skipped = 0;
  for (const account of result.accounts) {
    try {
      const info = decodeValidatorInfo(account.data, account.address);
      if (info !== null) {
        infos.set(info.identity, info);
      }
    } catch (error) {
      if (!isWalletError(error)) {
        throw error;
      }
      skipped += 1;
    }
  }
  if (skipped > 0) {
    logger.warn({ skipped }, 'skipped validator info accounts that could not be decoded');
  }
  return infos;
}
