import type { RpcMethodTable } from '../context';
import { accountMethods } from './accounts';
import { clusterMethods } from './cluster';
import { inflationMethods } from './inflation';
import { supplyMethods } from './supply';
import { transactionMethods } from './transactions';
import { validatorMethods } from './validators';

/** Every RPC method the local node serves, by name. */
export const rpcMethods: RpcMethodTable = {
  ...accountMethods,
  ...clusterMethods,
  ...inflationMethods,
  ...supplyMethods,
  ...transactionMethods,
  ...validatorMethods,
};
