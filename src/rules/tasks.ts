/** Task types: the service catalogue's names matched after folding case, width and spaces. */
import { fold } from '../util/text.js';

/** Maps a task name to its type: a catalogue type, or the folded name itself (its own type). */
export function taskTyper(tasks: Record<string, readonly string[]>): (taskKey: string) => string {
  const index = new Map<string, string>();
  for (const [type, names] of Object.entries(tasks)) {
    index.set(fold(type), type);
    for (const n of names) index.set(fold(n), type);
  }
  const squeeze = (s: string): string => s.replace(/[\s\-_]+/g, '');
  const loose = new Map([...index].map(([k, v]) => [squeeze(k), v]));
  return (taskKey) => index.get(taskKey) ?? loose.get(squeeze(taskKey)) ?? taskKey;
}

/** The folded form a required type is compared with when it is not in the catalogue. */
export function typeKey(type: string, tasks: Record<string, readonly string[]>): string {
  return type in tasks ? type : fold(type);
}
