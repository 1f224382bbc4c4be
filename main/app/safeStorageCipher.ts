/**
 * The secrets' cipher on the desktop: Electron's safeStorage. macOS (Keychain) and Windows
 * (DPAPI) either encrypt or refuse. On Linux safeStorage falls back to a fixed password
 * ('basic_text') when no keyring is running; Electron's docs offer setUsePlainTextEncryption
 * for that case, which we accept only as 'weak' protection, said out loud by main/secrets.ts.
 */
import { safeStorage } from 'electron';
import type { SecretCipher, SecretProtection } from '../secrets';

export function safeStorageCipher(platform: NodeJS.Platform): SecretCipher {
  return {
    protection(): SecretProtection | null {
      if (platform !== 'linux') return safeStorage.isEncryptionAvailable() ? 'os' : null;
      if (safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend() !== 'basic_text') return 'os';
      // No keyring: Electron's documented fallback, to be set before asking again.
      safeStorage.setUsePlainTextEncryption(true);
      return safeStorage.isEncryptionAvailable() ? 'weak' : null;
    },
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
