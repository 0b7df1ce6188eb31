/**
 * The part of linebreak (UAX #14; pdfkit's own line breaker, the same copy pdfkit uses) the letters
 * call: the break opportunities of a one-line cell, decided as pdfkit's LineWrapper decides them.
 */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
