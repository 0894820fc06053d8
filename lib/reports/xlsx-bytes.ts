// An ExcelJS workbook's .xlsx bytes, zipped in one synchronous step (fflate) instead of ExcelJS's
// `writeBuffer()`, whose zip (JSZip) deflates 16 KB per event-loop turn: under load each of a city
// file's ~100 turns waited behind every other request, and a download that takes ~100 ms alone took
// 1,5 s (p50) in the load test while the pages around it took 0,2 s. The XML parts are ExcelJS's own,
// written by its `XLSX.write` steps in the same order; only the zip differs (the same DEFLATE, level 6).
// Decision 0019.
import type ExcelJS from "exceljs";
import { zipSync, type Zippable } from "fflate";

type ZipEntryOptions = { name: string; base64?: boolean };
/** What ExcelJS's XLSX steps write to: the part of its ZipWriter they use. */
class PartCollector {
  readonly files: Zippable = {};
  append(data: string | Buffer | Uint8Array, options: ZipEntryOptions) {
    const bytes = options.base64 && typeof data === "string" ? Buffer.from(data, "base64") : typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.files[options.name] = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

type Model = unknown;
/** ExcelJS 4's XLSX writer: the steps of its `write(stream)` (lib/xlsx/xlsx.js), not in its typings. */
interface XlsxSteps {
  prepareModel(model: Model, options: object): void;
  addContentTypes(zip: PartCollector, model: Model): Promise<void>;
  addOfficeRels(zip: PartCollector, model: Model): Promise<void>;
  addWorkbookRels(zip: PartCollector, model: Model): Promise<void>;
  addWorksheets(zip: PartCollector, model: Model): Promise<void>;
  addSharedStrings(zip: PartCollector, model: Model): Promise<void>;
  addDrawings(zip: PartCollector, model: Model): void;
  addTables(zip: PartCollector, model: Model): void;
  addThemes(zip: PartCollector, model: Model): Promise<void>;
  addStyles(zip: PartCollector, model: Model): Promise<void>;
  addMedia(zip: PartCollector, model: Model): Promise<void>;
  addApp(zip: PartCollector, model: Model): Promise<void>;
  addCore(zip: PartCollector, model: Model): Promise<void>;
  addWorkbook(zip: PartCollector, model: Model): Promise<void>;
}

const hasSteps = (x: unknown): x is XlsxSteps =>
  typeof x === "object" &&
  x !== null &&
  ["prepareModel", "addWorksheets", "addStyles", "addWorkbook"].every((k) => typeof (x as Record<string, unknown>)[k] === "function");

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const xlsx: unknown = wb.xlsx;
  // Another ExcelJS without these steps: its own writer, slower under load but the same file.
  if (!hasSteps(xlsx)) return Buffer.from(await wb.xlsx.writeBuffer());
  const model = (wb as unknown as { model: Model }).model;
  const zip = new PartCollector();
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  await xlsx.addWorksheets(zip, model);
  await xlsx.addSharedStrings(zip, model); // after the worksheets, which fill it
  xlsx.addDrawings(zip, model);
  xlsx.addTables(zip, model);
  await xlsx.addThemes(zip, model);
  await xlsx.addStyles(zip, model);
  await xlsx.addMedia(zip, model);
  await xlsx.addApp(zip, model);
  await xlsx.addCore(zip, model);
  await xlsx.addWorkbook(zip, model);
  const out = zipSync(zip.files, { level: 6 });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
