/**
 * The secrets' cipher outside the desktop app (headless `serve`, the command line, tests):
 * AES-256-GCM with a random key kept in a file beside the database, readable by its owner only.
 * That protects a password from a copy of the database alone, not from someone who can read the
 * whole data folder, so it reports itself as 'weak' and main/secrets.ts says so. The desktop app
 * uses the OS keychain instead (main/app/safeStorageCipher.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretCipher } from './secrets';

const KEY_FILE = 'secrets.key';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function loadOrCreateKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  try {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
  } catch {
    // No key yet: made below.
  }
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process has just written (its secrets would be lost).
  try {
    writeFileSync(path, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  }
  chmodSync(path, 0o600);
  return key;
}

export function createKeyFileCipher(dataDir: string): SecretCipher {
  let key: Buffer | null = null;
  const theKey = () => (key ??= loadOrCreateKey(dataDir));
  return {
    protection: () => 'weak',
    encrypt(text) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', theKey(), iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', theKey(), data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
