/** Millimetres to PDF points (1 pt = 1/72 inch). */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;
