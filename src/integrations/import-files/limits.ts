/** Upper bounds that keep one hostile or broken file from exhausting memory, disk or time. */
export interface TableLimits {
  /** Size of the file on disk. */
  maxFileBytes: number;
  /** Data rows (after the header); beyond it reading stops with a final problem item. */
  maxRows: number;
  /** Columns of the header (error) and of a data row (problem item). */
  maxColumns: number;
  /** Characters in one cell. */
  maxFieldChars: number;
  /** XLSX: sum of the declared uncompressed sizes of all zip entries. */
  maxUncompressedBytes: number;
  /** XLSX: uncompressed / compressed size of any zip entry above 1 MiB uncompressed. */
  maxCompressionRatio: number;
}

const MiB = 1024 * 1024;

/** Generous enough for a municipality's full list of unpaid taxes, small enough for one server. */
export const DEFAULT_LIMITS: TableLimits = Object.freeze({
  maxFileBytes: 512 * MiB,
  maxRows: 2_000_000,
  maxColumns: 200,
  maxFieldChars: 10_000,
  maxUncompressedBytes: 1024 * MiB,
  maxCompressionRatio: 200,
});

/** Zip entries at or below this uncompressed size are never judged by their compression ratio. */
export const RATIO_FLOOR_BYTES = MiB;

/**
 * The defaults overridden by the caller's choices. A limit that is not a positive integer is a bug in
 * the caller, not a problem of the file, hence a RangeError.
 */
export function resolveLimits(partial: Partial<TableLimits> | undefined): TableLimits {
  const limits: TableLimits = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(partial ?? {})) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_LIMITS)) throw new RangeError(`Unknown limit: ${name}`);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`Invalid limit ${name}: ${String(value)}`);
    }
    limits[name as keyof TableLimits] = value;
  }
  return limits;
}
