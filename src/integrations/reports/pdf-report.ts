import { line } from '../letters/pdf-text.ts';

/** A column of a report table: its heading, share of the text width, alignment. */
export type ReportColumn = [label: string, fraction: number, align: 'left' | 'right'];

export interface ReportWriter {
  /** A paragraph, on a new page when it does not fit. */
  text(s: string, font: 'regular' | 'bold', size: number): void;
  /** A table with its heading repeated on every page it runs over; `boldLast`: the last row is a total. */
  table(cols: ReportColumn[], rows: string[][], size: number, boldLast?: boolean): void;
  gap(h: number): void;
}

/**
 * Paragraphs and tables flowing over pages, for the reports sent to a creditor (a pdfkit document with
 * 'regular' and 'bold' fonts registered, `openDocument`): each page is added with `page`.
 */
export function reportWriter(doc: PDFKit.PDFDocument, page: { margins: { top: number; bottom: number; left: number; right: number } } & Record<string, unknown>): ReportWriter {
  const { margins } = page;
  doc.addPage(page);
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const bottom = doc.page.height - margins.bottom - 14;
  let y = margins.top;
  const newPage = () => {
    doc.addPage(page);
    y = margins.top;
  };
  const ensure = (h: number) => {
    if (y + h > bottom) newPage();
  };
  return {
    text(s, font, size) {
      doc.font(font).fontSize(size).fillColor('black');
      const h = doc.heightOfString(s, { width });
      ensure(h);
      doc.text(s, left, y, { width });
      y += h + 4;
    },
    table(cols, rows, size, boldLast = false) {
      const ws = cols.map(([, f]) => f * width);
      const rowH = size + 4;
      const header = () => {
        doc.font('bold').fontSize(size).fillColor('black');
        let x = left;
        cols.forEach(([label, , align], i) => {
          line(doc, label, x, y, ws[i]! - 3, align);
          x += ws[i]!;
        });
        y += rowH;
        doc.moveTo(left, y - 2).lineTo(left + width, y - 2).lineWidth(0.5).strokeColor('#888888').stroke();
      };
      ensure(rowH * 2);
      header();
      rows.forEach((r, ri) => {
        if (y + rowH > bottom) {
          newPage();
          header();
        }
        doc.font(boldLast && ri === rows.length - 1 ? 'bold' : 'regular').fontSize(size).fillColor('black');
        let x = left;
        r.forEach((cell, i) => {
          line(doc, cell, x, y, ws[i]! - 3, cols[i]![2]);
          x += ws[i]!;
        });
        y += rowH;
      });
      y += 6;
    },
    gap(h) {
      y += h;
    },
  };
}

/** "title · page x of y" at the foot of every buffered page. */
export function pageFooters(doc: PDFKit.PDFDocument, margins: { bottom: number; left: number; right: number }, label: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  const width = doc.page.width - margins.left - margins.right;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('regular').fontSize(7).fillColor('#555555');
    line(doc, label(i + 1, range.count), margins.left, doc.page.height - margins.bottom, width, 'right');
  }
}
