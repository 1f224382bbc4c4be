// `npm run security`: Doyensec's electronegativity over the app's sources (main/, renderer/,
// shared/, with package.json), scanned together as one app so its global checks (a CSP
// somewhere, navigation limited somewhere, a permission handler somewhere) see the whole app.
// Fails on any HIGH or MEDIUM finding, and on any file it could not parse: a file it skips is a
// file it did not check.
//
// Its command line is broken as installed (it calls commander, which it does not declare), so
// this drives its runner directly. Left out: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which asks
// GitHub for Electron's releases (unreachable here; with electron a devDependency it can only
// report INFORMATIONAL anyway; keeping Electron current is `npm outdated`'s job).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const tool = path.join(root, 'node_modules/@doyensec/electronegativity/dist');
export const FOLDERS = ['main', 'renderer', 'shared'];
const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/;
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

/** Copies what is scanned into a fresh folder (electronegativity takes one input). */
function stage(sources, packageJson) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pigeonnier-eng-'));
  for (const folder of sources) {
    fs.cpSync(folder, path.join(dir, path.basename(folder)), { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  }
  if (packageJson) fs.copyFileSync(packageJson, path.join(dir, 'package.json'));
  return dir;
}

function countFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => SCANNED.test(String(f))).length;
}

/**
 * Scans the given folders. Returns the number of files given to the tool, its checks, every
 * finding (file, line, id, severity, confidence) and every file it failed to parse.
 */
export async function scan({ folders = FOLDERS.map((f) => path.join(root, f)), packageJson = path.join(root, 'package.json') } = {}) {
  const run = require(path.join(tool, 'runner.js'));
  const dir = stage(folders, packageJson);
  const log = console.log;
  // The runner prints that it could not fetch translations; its findings are what we report.
  console.log = () => undefined;
  try {
    const result = await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    return {
      files: countFiles(dir),
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((e) => ({ file: path.relative(dir, e.file), message: e.message, tolerable: e.tolerable })),
      findings: result.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: i.file,
        line: i.location.line,
        manualReview: i.manualReview,
        description: i.description,
      })),
    };
  } finally {
    console.log = log;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every `eng-disable` annotation in the scanned folders: checks a reviewer silenced, each to be justified beside it. */
export function silenced(folders = FOLDERS.map((f) => path.join(root, f))) {
  const found = [];
  for (const folder of folders) {
    for (const file of fs.readdirSync(folder, { recursive: true }).map(String)) {
      if (!SCANNED.test(file)) continue;
      fs.readFileSync(path.join(folder, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const match = /eng-disable[ \t]+([\w \t]+)/.exec(line);
          if (match) found.push({ file: path.join(path.basename(folder), file), line: index + 1, checks: match[1].trim().split(/[\s,]+/) });
        });
    }
  }
  return found;
}

export function blocking(report) {
  return report.findings.filter((f) => BLOCKING.has(f.severity));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await scan();
  console.log(`electronegativity: ${report.files} files of ${FOLDERS.join('/, ')}/ scanned with ${report.checks} checks`);
  for (const f of report.findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}\n      ${f.description}`);
  for (const e of report.errors) console.log(`  NOT PARSED  ${e.file}: ${e.message}`);
  for (const s of silenced()) console.log(`  reviewed, silenced inline: ${s.checks.join(' ')}  ${s.file}:${s.line}`);
  const bad = blocking(report);
  const unparsed = report.errors.filter((e) => !e.tolerable);
  console.log(`${bad.length} HIGH or MEDIUM finding(s), ${report.findings.length - bad.length} lower, ${unparsed.length} file(s) not parsed`);
  process.exitCode = bad.length > 0 || unparsed.length > 0 ? 1 : 0;
}
