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

interface RectBatching {
  active: boolean;
  ops: string[];
  run: { x: number; y: number; w: number; h: number } | null;
  /** Writes the collected rectangles (one operator per run). */
  flush: () => void;
}

const batching = new WeakMap<object, RectBatching>();

/**
 * Shadows pdfkit's `rect` and `addContent` on the document, for its whole life: they pass through to
 * pdfkit's own methods except while `batchRects` draws. Set once and never removed (an object whose
 * properties come and go turns slow, and so does pdfkit's code that has seen it); `openDocument`
 * prepares every letter document this way, so they all look alike to pdfkit's code. Without them
 * (a pdfkit upgrade) this throws: the bill must not silently come out with other bytes.
 */
export function prepareRectBatching(doc: PDFKit.PDFDocument): RectBatching {
  const known = batching.get(doc);
  if (known) return known;
  const d = doc as unknown as Drawable;
  if (typeof d.rect !== 'function' || typeof d.addContent !== 'function' || Object.prototype.hasOwnProperty.call(d, 'rect') || Object.prototype.hasOwnProperty.call(d, 'addContent')) {
    throw new Error('pdfkit internals changed (doc.rect / doc.addContent): check src/integrations/letters/README.md before upgrading pdfkit');
  }
  const rect = d.rect;
  const addContent = d.addContent;
  const state: RectBatching = { active: false, ops: [], run: null, flush: () => undefined };
  const endRun = () => {
    const run = state.run;
    if (run) {
      state.ops.push(`${num(run.x)} ${num(run.y)} ${num(run.w)} ${num(run.h)} re`);
      use.operators++;
    }
    state.run = null;
  };
  state.flush = () => {
    endRun();
    if (!state.ops.length) return;
    // As a byte array pdfkit writes the chunk as it is: the newline it adds to strings goes in here.
    addContent.call(d, Buffer.from(state.ops.join('\n') + '\n', 'latin1'));
    state.ops.length = 0;
  };
  d.rect = function (this: Drawable, x: number, y: number, w: number, h: number) {
    if (!state.active) return rect.call(this, x, y, w, h);
    use.rects++;
    const run = state.run;
    if (run && x === run.x && w === run.w && h > 0 && Math.abs(y - (run.y + run.h)) < 1e-7) run.h += h;
    else {
      endRun();
      state.run = { x, y, w, h };
    }
    return this;
  };
  d.addContent = function (this: Drawable, data: string | Uint8Array) {
    if (state.active) state.flush();
    return addContent.call(this, data);
  };
  batching.set(doc, state);
  return state;
}

export function batchRects<T>(doc: PDFKit.PDFDocument, draw: () => T): T {
  const state = prepareRectBatching(doc);
  state.active = true;
  try {
    const result = draw();
    state.flush();
    return result;
  } finally {
    // Back to pdfkit's own drawing; rectangles of a failed drawing are dropped.
    state.active = false;
    state.ops.length = 0;
    state.run = null;
  }
}
