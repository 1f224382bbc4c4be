/**
 * Secrets (a partner's API password) kept in the settings table, encrypted by a cipher the
 * shell provides: the desktop app's uses Electron's safeStorage (the OS keychain, DPAPI or the
 * Linux keyring; main/app/safeStorageCipher.ts). Nothing is written in clear: when the cipher
 * cannot encrypt, storing is refused. The one exception is the cipher's own: on Linux without
 * a keyring it may offer 'weak' protection (a fixed key, as Electron's docs describe), which is
 * logged as a warning and reported by protection() so the page can say so.
 */
import type { Db } from './db/connection';
import { deleteSetting, readSetting, writeSetting } from './db/settings';

/** 'os': the key is held by the operating system. 'weak': obfuscated only, readable by anyone who can read the data folder. */
export type SecretProtection = 'os' | 'weak';

export interface SecretCipher {
  /** How a secret encrypted now would be protected; null when it cannot be encrypted at all. */
  protection(): SecretProtection | null;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export interface SecretStore {
  protection(): SecretProtection | null;
  /** Throws SecretStorageUnavailable rather than store in clear. */
  set(name: string, value: string): void;
  /** null when absent or no longer readable (the keychain was reset). */
  get(name: string): string | null;
  delete(name: string): void;
}

export class SecretStorageUnavailable extends Error {
  constructor() {
    super('This computer offers no way to encrypt secrets, so Pigeonnier will not store them.');
    this.name = 'SecretStorageUnavailable';
  }
}

interface StoredSecret {
  protection: SecretProtection;
  data: string;
}

const keyOf = (name: string) => `secret:${name}`;

function isStored(value: unknown): value is StoredSecret {
  const v = value as StoredSecret | null;
  return typeof v === 'object' && v !== null && (v.protection === 'os' || v.protection === 'weak') && typeof v.data === 'string';
}

export function createSecretStore(db: Db, cipher: SecretCipher, warn: (message: string) => void): SecretStore {
  return {
    protection: () => cipher.protection(),
    set(name, value) {
      const protection = cipher.protection();
      if (protection === null) throw new SecretStorageUnavailable();
      if (protection === 'weak') {
        warn(`No keyring is available: the secret "${name}" is only obfuscated, not encrypted. Install and unlock a keyring (GNOME Keyring, KWallet) to protect it.`);
      }
      writeSetting(db, keyOf(name), { protection, data: cipher.encrypt(value).toString('base64') } satisfies StoredSecret);
    },
    get(name) {
      const stored = readSetting(db, keyOf(name));
      if (!isStored(stored)) return null;
      try {
        return cipher.decrypt(Buffer.from(stored.data, 'base64'));
      } catch {
        warn(`The secret "${name}" can no longer be decrypted (the keychain changed?): it must be entered again.`);
        return null;
      }
    },
    delete(name) {
      deleteSetting(db, keyOf(name));
    },
  };
}
