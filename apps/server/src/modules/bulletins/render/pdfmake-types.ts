/**
 * The part of pdfmake 0.3's server API the bulletin PDF uses (the package ships no types for 0.3;
 * it is loaded with `require` and given this type). Content nodes are left open: pdfmake checks them.
 */
export interface PdfFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}
export type PdfContent = string | PdfContent[] | { [key: string]: unknown };
export interface PdfDocumentDefinition {
  pageSize?: string;
  pageMargins?: [number, number, number, number];
  info?: {
    title?: string;
    author?: string;
    subject?: string;
    creator?: string;
    producer?: string;
    creationDate?: Date;
    modDate?: Date;
  };
  defaultStyle?: { [key: string]: unknown };
  styles?: Record<string, { [key: string]: unknown }>;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  content: PdfContent[];
}
export interface PdfMake {
  addFonts(fonts: Record<string, PdfFontFiles>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: PdfDocumentDefinition): { getBuffer(): Promise<Buffer> };
}
