/** A folder to write files into (`kam convert --all`): created when missing; a file in its place is refused. */
import { mkdir, stat } from 'node:fs/promises';
import { InputError } from '../../model/errors.js';

export async function ensureFolder(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isDirectory()) throw new InputError('output.notFolder', {}, { file: path });
  if (!info) await mkdir(path, { recursive: true });
}
