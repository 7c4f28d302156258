/** The load report's people as a plain table (CSV, markdown). */
import type { Lang } from '../../model/lang.js';
import type { LoadReport } from '../../workload/report.js';
import type { SheetData } from '../../model/sheet-data.js';
import { label } from '../../i18n/labels.js';
import { fmtPercent } from '../shared/numbers.js';

/** One row per person shown: hours, capacity, utilisation, status, accounts held. */
export function loadTable(report: LoadReport, lang: Lang): SheetData {
  return {
    name: label(lang, 'load.title'),
    header: ['name.person', 'role', 'department', 'load.hours', 'load.capacity', 'load.utilization', 'load.status', 'load.accounts', 'load.accountable'].map((k) => label(lang, k as 'role')),
    rows: report.people.map((p) => [p.name, p.role ?? '', p.department ?? '', p.hours, p.capacity, Number.isFinite(p.utilization) ? p.utilization : null, label(lang, `load.${p.status}`), p.accounts, p.accountable]),
  };
}

/**
 * The work held by people no longer 在职, and by people the Staff sheet does not list, each as a line naming
 * them with their weekly hours (none when nobody holds such work): hours on nobody's bar in a report.
 */
export function holderLines(report: LoadReport, lang: Lang): string[] {
  const named = (status: 'inactive' | 'unknown'): string =>
    report.people
      .filter((p) => p.status === status && p.hours > 0)
      .map((p) => `${p.name} (${p.hours.toFixed(2)} ${label(lang, 'report.perWeek')})`)
      .join(lang === 'zh' ? '、' : ', ');
  const gone = named('inactive');
  const strangers = named('unknown');
  return [...(gone ? [label(lang, 'report.inactiveHolders', { names: gone })] : []), ...(strangers ? [label(lang, 'report.unknownHolders', { names: strangers })] : [])];
}

/** `张伟 stays over (124%): nobody of the role or department can take the work`, one per person who does. */
export function unresolvedLines(report: LoadReport, lang: Lang): string[] {
  return (report.suggestion?.unfixed ?? []).map((u) => `${label(lang, 'load.unfixed', { name: u.person.name, utilization: fmtPercent(u.utilization, 0) })}${lang === 'zh' ? '：' : ': '}${label(lang, `load.reason.${u.reason}`)}`);
}
