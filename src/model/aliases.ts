/** Extra names per key, as the config gives them (`columns`, `sheets`). */
export type Aliases = Partial<Record<string, readonly string[]>>;
