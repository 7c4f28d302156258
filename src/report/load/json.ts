/** `kam load --format json`: the stable shape of SPEC §8b; `utilization` a fraction (null when capacity is 0). */
import type { LoadReport } from '../../workload/report.js';

/** `load` in the §8b shape; `utilization` a fraction (null when capacity is 0). */
export function loadJson(report: LoadReport): string {
  return `${JSON.stringify(loadJsonValue(report), null, 2)}\n`;
}

function loadJsonValue(report: LoadReport): unknown {
  return {
    asOf: report.asOf,
    people: report.people.map((p) => ({
      name: p.name,
      role: p.role ?? null,
      department: p.department ?? null,
      hours: p.hours,
      capacity: p.capacity,
      utilization: Number.isFinite(p.utilization) ? p.utilization : null,
      status: p.status,
      accounts: p.accounts,
      accountable: p.accountable,
    })),
    suggestions: (report.suggestion?.moves ?? []).map((m) => ({
      account: m.item.group.account?.name ?? m.item.group.accountText,
      task: m.item.assignment.task,
      from: m.from.name,
      to: m.to.name,
      hours: m.hours,
    })),
    // Who stays over after the moves, and why (found by a new user: only the text said it).
    ...(report.suggestion ? { unresolved: report.suggestion.unfixed.map((u) => ({ person: u.person.name, utilization: Number.isFinite(u.utilization) ? u.utilization : null, reason: u.reason })) } : {}),
  };
}
