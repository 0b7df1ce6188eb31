/**
 * swissqrbill draws the QR code as one `re` (rectangle) operator per dark module — about 1,600 per
 * bill, each going through pdfkit's rect → addContent → a fresh byte array: 2 ms of a 10 ms letter,
 * plus the compression of ~70 KB of operators. While `draw` runs, consecutive rectangles are
 * collected instead: a rectangle directly below the previous one in the same column (how the QR code
 * is drawn, column by column) extends it, and the run is written as one operator when anything else
 * is drawn. The filled area is exactly the same (adjacent modules merge, which also removes the
 * hairline seams some viewers show between modules); the operators are a third as many.
 */

interface Drawable {
  rect(x: number, y: number, w: number, h: number): unknown;
  addContent(data: string | Uint8Array): unknown;
}

/** pdfkit's number format for operators (PDFObject.number): rounded to 6 decimals. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/** Rectangles collected and operators written since the process started (see `letterFastPaths`). */
const use = { rects: 0, operators: 0 };
export function rectBatchUse(): Readonly<typeof use> {
  return { ...use };
}

export function batchRects<T>(doc: PDFKit.PDFDocument, draw: () => T): T {
  const d = doc as unknown as Drawable;
  // pdfkit's public drawing methods, shadowed on this document only while `draw` runs. Without them
  // (a pdfkit upgrade) this throws: the bill must not silently come out with other bytes.
  if (typeof d.rect !== 'function' || typeof d.addContent !== 'function' || Object.prototype.hasOwnProperty.call(d, 'rect')) {
    throw new Error('pdfkit internals changed (doc.rect / doc.addContent): check src/integrations/letters/README.md before upgrading pdfkit');
  }
  const addContent = d.addContent;
  const ops: string[] = [];
  let run: { x: number; y: number; w: number; h: number } | null = null;
  const endRun = () => {
    if (run) {
      ops.push(`${num(run.x)} ${num(run.y)} ${num(run.w)} ${num(run.h)} re`);
      use.operators++;
    }
    run = null;
  };
  const flush = () => {
    endRun();
    if (!ops.length) return;
    // As a byte array pdfkit writes the chunk as it is: the newline it adds to strings goes in here.
    addContent.call(d, Buffer.from(ops.join('\n') + '\n', 'latin1'));
    ops.length = 0;
  };
  d.rect = function (x: number, y: number, w: number, h: number) {
    use.rects++;
    if (run && x === run.x && w === run.w && h > 0 && Math.abs(y - (run.y + run.h)) < 1e-7) run.h += h;
    else {
      endRun();
      run = { x, y, w, h };
    }
    return this;
  };
  d.addContent = function (data: string | Uint8Array) {
    flush();
    return addContent.call(this, data);
  };
  try {
    const result = draw();
    flush();
    return result;
  } finally {
    // The instance properties shadowed the prototype's methods; removing them restores pdfkit's.
    delete (d as Partial<Drawable>).rect;
    delete (d as Partial<Drawable>).addContent;
  }
}
