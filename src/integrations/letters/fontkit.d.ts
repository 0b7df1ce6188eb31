/**
 * The part of fontkit (pdfkit's font engine, the same copy pdfkit uses) the letters call: parsing a
 * font file once per process, to hand the parsed font to pdfkit's public `registerFont`.
 */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string, features?: unknown): { glyphs: unknown[]; positions: object[] };
    createSubset(): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
