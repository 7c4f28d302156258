// The types of scripts/profile.mjs, for its test.
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number; scriptId: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
export interface ProfileSummary {
  /** µs profiled. */
  total: number;
  /** µs per function, its own and under it; µs per module (or Node module, or package). */
  self: Map<string, number>;
  inclusive: Map<string, number>;
  places: Map<string, number>;
}
export function parseArgs(argv: string[]): { options: { top: number; out: string | undefined; interval: number }; kamArgs: string[] };
export function moduleLines(bundle: string): (line: number) => string;
export function summarise(profile: CpuProfile, moduleOf: (line: number) => string): ProfileSummary;
export function report(summary: ProfileSummary, top: number): string;
