/** Task types: the service catalogue's names matched after folding case, width, spaces and Traditional characters. */
import { toSimplified } from '../util/hant.js';
import { fold } from '../util/text.js';

/** A task name as the catalogue compares it: folded, Traditional characters simplified (`日常跟進` is `日常跟进`). */
const keyOf = (name: string): string => toSimplified(fold(name));

/** Maps a task name to its type: a catalogue type, or the folded name itself (its own type). */
export function taskTyper(tasks: Record<string, readonly string[]>): (taskKey: string) => string {
  const index = new Map<string, string>();
  for (const [type, names] of Object.entries(tasks)) {
    index.set(keyOf(type), type);
    for (const n of names) index.set(keyOf(n), type);
  }
  const squeeze = (s: string): string => s.replace(/[\s\-_]+/g, '');
  const loose = new Map([...index].map(([k, v]) => [squeeze(k), v]));
  const names = [...loose.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length);
  const memo = new Map<string, string>();
  return (folded) => {
    let type = memo.get(folded);
    if (type === undefined) {
      const taskKey = toSimplified(folded);
      // `1、日常跟进`, `日常跟进（每周）`, `重点客户日常跟进`: numbering and notes dropped, then the
      // longest catalogue name the task contains.
      const bare = squeeze(taskKey.replace(ENUMERATION, '').replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ''));
      type = index.get(taskKey) ?? loose.get(squeeze(taskKey)) ?? loose.get(bare) ?? loose.get(names.find((n) => bare.includes(n)) ?? '') ?? taskKey;
      memo.set(folded, type);
    }
    return type;
  };
}

/** Leading numbering: `1.`, `1、`, `(1)`, `一、`, `①`. */
const ENUMERATION = /^\s*(?:\(?\d+\)|\d+\s*[.、,)]|[一二三四五六七八九十]+\s*[、.]|[\u2460-\u2473])\s*/;

/** The folded form a required type is compared with when it is not in the catalogue. */
export function typeKey(type: string, tasks: Record<string, readonly string[]>): string {
  return Object.hasOwn(tasks, type) ? type : keyOf(type);
}
