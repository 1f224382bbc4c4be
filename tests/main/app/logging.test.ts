import log from 'electron-log/node';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureLogFile, LOG_MAX_BYTES, rotateLogFile } from '../../../main/app/logging';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('logs', () => {
  it('rotate main.log into main.1.log … main.3.log, dropping the oldest', () => {
    const dir = tempDir();
    const file = path.join(dir, 'main.log');
    for (const n of [1, 2, 3, 4, 5]) {
      fs.writeFileSync(file, `generation ${n}`);
      rotateLogFile(file);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(['main.1.log', 'main.2.log', 'main.3.log'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(['generation 5', 'generation 4', 'generation 3']);
  });

  it('go to <user data>/logs/main.log with electron-log, rotated once the file passes its limit', () => {
    const userData = tempDir();
    // electron-log's Node logger has the same file transport as its Electron one.
    const logger = log.create({ logId: `test-${Date.now()}` });
    configureLogFile(logger, userData);
    logger.transports.console.level = false;
    expect(logger.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    logger.transports.file.maxSize = 2_000;
    for (let i = 0; i < 60; i++) logger.info(`line ${i} ${'x'.repeat(60)}`);
    const logs = path.join(userData, 'logs');
    expect(fs.readdirSync(logs).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    expect(fs.readFileSync(path.join(logs, 'main.log'), 'utf8')).toContain('line 59');
    for (const file of fs.readdirSync(logs)) expect(fs.statSync(path.join(logs, file)).size).toBeLessThan(2_200);
  });
});
