import { PDFDocument, StandardFonts } from "pdf-lib";

/** A text PDF written here with pdf-lib: a large title line, then body lines in paragraphs. */
export async function textPdf(options: {
  title?: string;
  created?: Date;
  heading: string;
  paragraphs: string[][];
}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  if (options.title !== undefined) document.setTitle(options.title);
  if (options.created !== undefined) document.setCreationDate(options.created);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage();
  let y = 760;
  page.drawText(options.heading, { x: 50, y, size: 20, font });
  y -= 40;
  for (const lines of options.paragraphs) {
    for (const line of lines) {
      page.drawText(line, { x: 50, y, size: 11, font });
      y -= 14;
    }
    y -= 16;
  }
  return document.save();
}

/** A PDF whose page holds only shapes: no text layer, as a scan without OCR. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawRectangle({ x: 40, y: 40, width: 300, height: 400 });
  document.addPage().drawRectangle({ x: 60, y: 60, width: 100, height: 100 });
  return document.save();
}
