import { createHash } from 'node:crypto';

/** Returns the SHA-256 hex digest of message bytes, as the audit log records it. */
export function hashMessage(message: Uint8Array): string {
  return createHash('sha256').update(message).digest('hex');
}
