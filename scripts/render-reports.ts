// npm run reports:render — not a test, not in CI: writes the three unit reports (Xã Kim Thành,
// Thành phố Hải Phòng, Việt Nam; 9 months of 2026), the city's rankings report and its Excel file
// from a fresh embedded database with the demo data, then turns each into PDF and PNG pages with
// LibreOffice and pdftoppm so a person can look at them. Needs
//   apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils
// Output: bench-results/reports/ (or the folder given as the first argument).
import { mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { openDatabase } from "../lib/db/connect";
import { bootstrap } from "../lib/db/bootstrap";
import { saveQuarter, indicatorsView, type Actor } from "../lib/figures/service";
import { scopeUnit } from "../lib/auth/scope";
import { reportOfPeriod } from "../lib/reports/unit-report";
import { renderReportDocument, rankingsReport } from "../lib/reports/docx";
import { rankingsWorkbook } from "../lib/reports/xlsx";
import { rankings } from "../lib/rankings/service";
import { issuingSettings } from "../lib/reports/unit-report";

const out = path.resolve(process.argv[2] ?? path.join("bench-results", "reports"));
const NOW = new Date("2026-12-01T03:00:00Z");

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed${r.error ? `: ${r.error.message}` : ""}`);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const db = await openDatabase({ dataDir: null });
  await bootstrap(db, { demo: true });
  const actorOf = async (username: string): Promise<Actor> => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    return { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
  };
  // Kim Thành files its 9 months first (the demo leaves it to the officer).
  const officer = await actorOf("xa.kimthanh");
  const admin = await actorOf("admin");
  const q2 = await indicatorsView(db.prisma, await scopeUnit(db.prisma, admin, "10804"), { year: 2026, quarter: 2 });
  const figures = { ...q2.figures, bhxhCompulsory: 13_180, bhxhVoluntary: 402, amountCollected: Math.round((q2.figures.amountCollected ?? 0) * 1.45) };
  await saveQuarter(db.prisma, officer, { unitCode: "10804", year: 2026, quarter: 3, body: { figures, submit: true, confirmWarnings: true } }, NOW);

  const files: string[] = [];
  for (const [code, user] of [
    ["10804", "xa.kimthanh"],
    ["31", "lanhdao.haiphong"],
    ["VN", "lanhdao.quocgia"],
  ] as const) {
    const view = await reportOfPeriod(db.prisma, await actorOf(user), code, 2026, 3, { now: NOW });
    const file = path.join(out, `bao-cao-${code}-2026-Q3.docx`);
    writeFileSync(file, await renderReportDocument(view.document));
    files.push(file);
  }
  const hp = await scopeUnit(db.prisma, admin, "31");
  const data = await rankings(db.prisma, hp, { year: 2026, quarter: 3 }, "attainment:bhxhCoverage", null, NOW);
  const rk = path.join(out, "xep-hang-31-2026-Q3.docx");
  writeFileSync(rk, await rankingsReport(data, await issuingSettings(db.prisma, "31")));
  files.push(rk);
  const xl = path.join(out, "bang-xep-hang-31-2026-Q3.xlsx");
  writeFileSync(xl, await rankingsWorkbook(data));
  files.push(xl);
  await db.close();

  for (const f of files) {
    run("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", out, f]);
    const pdf = f.replace(/\.(docx|xlsx)$/, ".pdf");
    run("pdftoppm", ["-png", "-r", "70", pdf, pdf.replace(/\.pdf$/, "")]);
  }
  console.log(`Written to ${out}: ${files.map((f) => path.basename(f)).join(", ")} with their PDF and PNG pages.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
