import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorageCipher } from '../../../main/app/safeStorageCipher';
import { createSecretStore, SecretStorageUnavailable } from '../../../main/secrets';
import { openService } from '../../helpers/service';
import { resetFakeElectron, safeStorage } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

describe('secrets with Electron’s safeStorage', () => {
  beforeEach(resetFakeElectron);

  it('uses the OS keychain on macOS and Windows, and refuses when it is not available', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      resetFakeElectron();
      const { service } = openService();
      const store = createSecretStore(service.db, safeStorageCipher(platform), () => undefined);
      store.set('alma:password', 's3cret');
      expect(store.get('alma:password')).toBe('s3cret');
      expect(store.protection()).toBe('os');
      safeStorage.available = false;
      expect(() => store.set('alma:password', 'other')).toThrow(SecretStorageUnavailable);
      expect(safeStorage.plainTextAllowed).toBe(false);
    }
  });

  it('uses the keyring on Linux when one runs', () => {
    expect(safeStorageCipher('linux').protection()).toBe('os');
    expect(safeStorage.plainTextAllowed).toBe(false);
  });

  it('on Linux without a keyring falls back to Electron’s plain-text key, as weak protection, with a warning', () => {
    safeStorage.backend = 'basic_text';
    const { service } = openService();
    const warnings: string[] = [];
    const store = createSecretStore(service.db, safeStorageCipher('linux'), (m) => warnings.push(m));
    store.set('alma:password', 's3cret');
    expect(store.protection()).toBe('weak');
    expect(safeStorage.plainTextAllowed).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(store.get('alma:password')).toBe('s3cret');
  });
});
