// Reads a Word file back for the tests: word/document.xml, word/styles.xml, and the text one line per
// paragraph (XML entities decoded, no-break spaces as spaces).
import JSZip from "jszip";

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export async function readDocx(buf: Buffer | Uint8Array): Promise<{ text: string; xml: string; styles: string }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file("word/document.xml")!.async("string");
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const text = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(""))
    .filter((l) => l.length > 0)
    .join("\n")
    .replace(/\u00A0/g, " ");
  return { text, xml, styles };
}
