import { describe, expect, it } from 'vitest';
import { createSecretStore, SecretStorageUnavailable, type SecretCipher, type SecretProtection } from '../../main/secrets';
import { snapshotTables } from '../helpers/dbSnapshot';
import { openService } from '../helpers/service';

/** A cipher whose protection the test sets; its "encryption" is reversible and never the clear text. */
function cipher(protection: SecretProtection | null): SecretCipher & { set(p: SecretProtection | null): void } {
  let current = protection;
  return {
    set: (p) => (current = p),
    protection: () => current,
    encrypt: (text) => Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a)),
    decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  };
}

const PASSWORD = 'correct horse battery staple';

describe('the secret store', () => {
  it('keeps a secret encrypted in the settings table and gives it back', () => {
    const { service } = openService();
    const warnings: string[] = [];
    const store = createSecretStore(service.db, cipher('os'), (m) => warnings.push(m));
    store.set('alma:password', PASSWORD);
    expect(store.get('alma:password')).toBe(PASSWORD);
    expect(JSON.stringify(snapshotTables(service.db))).not.toContain('horse');
    expect(warnings).toEqual([]);
    store.delete('alma:password');
    expect(store.get('alma:password')).toBeNull();
  });

  it('refuses to store when nothing can encrypt, writing nothing', () => {
    const { service } = openService();
    const store = createSecretStore(service.db, cipher(null), () => undefined);
    const before = snapshotTables(service.db);
    expect(() => store.set('alma:password', PASSWORD)).toThrow(SecretStorageUnavailable);
    expect(snapshotTables(service.db)).toEqual(before);
    expect(store.protection()).toBeNull();
  });

  it('stores with weak protection only out loud, and says so', () => {
    const { service } = openService();
    const warnings: string[] = [];
    const store = createSecretStore(service.db, cipher('weak'), (m) => warnings.push(m));
    store.set('alma:password', PASSWORD);
    expect(store.protection()).toBe('weak');
    expect(warnings).toEqual([expect.stringContaining('only obfuscated, not encrypted')]);
    expect(store.get('alma:password')).toBe(PASSWORD);
  });

  it('answers null, with a warning, for a secret the keychain can no longer decrypt', () => {
    const { service } = openService();
    const warnings: string[] = [];
    const broken: SecretCipher = { ...cipher('os'), decrypt: () => { throw new Error('bad key'); } };
    createSecretStore(service.db, cipher('os'), () => undefined).set('alma:password', PASSWORD);
    expect(createSecretStore(service.db, broken, (m) => warnings.push(m)).get('alma:password')).toBeNull();
    expect(warnings).toEqual([expect.stringContaining('can no longer be decrypted')]);
  });
});
