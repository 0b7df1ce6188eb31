/**
 * The portal's CSV layout (docs/decisions/0005-portal-figures.md): UTF-8 with BOM, `;` separated,
 * CRLF; a name starting like a formula is kept as text (CSV injection), amounts start with a digit or '-digit'.
 */
export function portalCsv(columns: readonly string[], table: readonly (string | number | null)[][]): Buffer {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@]/.test(s) && !/^-\d/.test(s)) s = `'${s}`;
    return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from('\uFEFF' + [columns, ...table].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n', 'utf8');
}
