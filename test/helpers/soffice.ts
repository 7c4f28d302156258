// LibreOffice headless in tests (installed by .ci/run when absent; never skipped).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs LibreOffice headless with its own profile (two runs at once would share the user's). */
export function soffice(dir: string, convertTo: string, outdir: string, files: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', outdir, ...files], { cwd: dir, stdio: 'pipe', timeout: 180_000 });
}
