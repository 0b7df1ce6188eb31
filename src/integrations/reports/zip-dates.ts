/**
 * Sets every entry's modification time in a ZIP archive to one fixed instant, in place: exceljs (via
 * JSZip) stamps entries with the time of writing, which would make two generations of the same
 * workbook differ. Only the DOS time/date fields of the local and central headers are touched
 * (APPNOTE.TXT 4.3.7 and 4.3.12); the CRCs cover the data, not the headers. Archives with a ZIP64 end
 * record or a comment are not produced by JSZip here and are refused.
 */
export function fixZipDates(zip: Buffer, isoDate: string): Buffer {
  const [y, mo, d] = isoDate.split('-').map(Number) as [number, number, number];
  const dosDate = ((Math.max(1980, y) - 1980) << 9) | (mo << 5) | d;
  const dosTime = 0;
  const eocd = zip.length - 22;
  if (eocd < 0 || zip.readUInt32LE(eocd) !== 0x06054b50) throw new Error('zip: no end of central directory where expected');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('zip: central directory entry expected');
    zip.writeUInt16LE(dosTime, p + 12);
    zip.writeUInt16LE(dosDate, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('zip: local header expected');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
