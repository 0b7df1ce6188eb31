/**
 * The list of sheets of a workbook, read from xl/workbook.xml and its relationships before exceljs
 * runs: exceljs's streaming reader gives sheets in archive order and names them only when the
 * workbook part came first, so the choice of sheet (and the list of names when a requested sheet is
 * missing) is made here. Both parts are small; simple attribute matching is enough.
 */

/** A sheet of the workbook, in the workbook's order. */
export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** Path of its part inside the archive; null when the relationship is missing. */
  path: string | null;
  /** Chart sheets and dialog sheets have no cells. */
  isWorksheet: boolean;
}

/** What the workbook part says that matters for reading cells. */
export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** Dates counted from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML attribute text to plain text (named and numeric character references). */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** The attributes of each element with this local name (any namespace prefix), in document order. */
function elements(xml: string, localName: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const element = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*?)/?>`, 'g');
  for (const match of xml.matchAll(element)) {
    const attributes = new Map<string, string>();
    for (const a of match[1]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(a[1]!, unescapeXml(a[2] ?? a[3] ?? ''));
    }
    out.push(attributes);
  }
  return out;
}

/** The relationship id attribute (`r:id`, whatever the prefix). */
function relationshipId(attributes: Map<string, string>): string | undefined {
  for (const [key, value] of attributes) if (key.endsWith(':id')) return value;
  return undefined;
}

/** A relationship target resolved against xl/ (or absolute), `..` and `.` folded. */
function resolveTarget(target: string): string {
  const parts = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

/** Sheets in workbook order with their archive paths, and the 1904 date flag. */
export function parseWorkbook(workbookXml: string, relationshipsXml: string): WorkbookInfo {
  const relationships = new Map<string, { target: string; type: string }>();
  for (const r of elements(relationshipsXml, 'Relationship')) {
    const id = r.get('Id');
    const target = r.get('Target');
    if (id !== undefined && target !== undefined && r.get('TargetMode') !== 'External') {
      relationships.set(id, { target: resolveTarget(target), type: r.get('Type') ?? '' });
    }
  }
  const sheets = elements(workbookXml, 'sheet').map((attributes): SheetInfo => {
    const id = relationshipId(attributes);
    const relationship = id === undefined ? undefined : relationships.get(id);
    const state = attributes.get('state');
    return {
      name: attributes.get('name') ?? '',
      hidden: state === 'hidden' || state === 'veryHidden',
      path: relationship?.target ?? null,
      isWorksheet: relationship !== undefined && relationship.type.endsWith('/worksheet'),
    };
  });
  const properties = elements(workbookXml, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(properties?.get('date1904') ?? '');
  return { sheets, date1904 };
}
