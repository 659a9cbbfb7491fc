/**
 * TrueType or OpenType font files to set the whole report in. pdfkit's standard
 * Helvetica only covers Latin-1, and pdfkit has no per-glyph fallback, so a report with Bangla
 * text needs one face that holds both Latin and Bengali glyphs (GNU FreeSans does; Noto Sans
 * Bengali and Lohit Bengali lack Latin letters). `bold` defaults to `regular`.
 */
export interface ReportFonts {
  regular: string;
  bold?: string;
}
