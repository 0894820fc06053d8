// Demo data of issue 15: Thành phố Huế's register of employers paying late (dữ liệu minh họa).
// Thirty invented employers (names, streets of Huế, tax codes in a range no tax office has issued:
// 3399xxxxxx), their arrears at each month end from January to October 2026 — most owing a month now
// and then, ten falling behind for months (five 3+ months late on 31/10/2026, four on 30/9/2026) —
// and September's list published on 12/10/2026. October is not published: the demo's user publishes it.
// Deterministic: the same rows on every machine; loads on PGlite and PostgreSQL alike.
import type { Prisma } from "../generated/prisma/client";
import { publishedEntries, taxCodeCheckDigit } from "../domain/employers";
import { rngFor } from "./random";

export const DEMO_EMPLOYERS_PROVINCE = "46";
/** The month ends with arrears: January to October 2026. */
export const DEMO_EMPLOYER_MONTHS = Array.from({ length: 10 }, (_, i) => ({ year: 2026, month: i + 1 }));
/** The published month (September 2026) and its publication date. */
export const DEMO_PUBLISHED = { year: 2026, month: 9, minMonthsLate: 3, publishedAt: new Date("2026-10-12T02:30:00Z") } as const;

interface Profile {
  name: string;
  street: string;
  commune: string | null;
  employees: number;
  /** A branch (tax code 10-3) of the employer at this index. */
  branchOf?: number;
  /** Chronic arrears: months late at January's end (≥ 1), or the month they start; paid off in `paid`. */
  chronic?: { from: number; lateInJanuary?: number; paid?: number };
}

// Communes (phường, xã) of Thành phố Huế by official code.
const PROFILES: Profile[] = [
  { name: "Công ty TNHH Dệt may Bến Ngự", street: "118 Phan Đình Phùng", commune: "19789", employees: 240, chronic: { from: 1, lateInJanuary: 3 } },
  { name: "Công ty Cổ phần Xây lắp Hương Giang Xanh", street: "42 Trường Chinh", commune: "19815", employees: 85, chronic: { from: 3, paid: 8 } },
  { name: "Công ty TNHH Thương mại Du lịch Cồn Hến", street: "15 Nguyễn Sinh Cung", commune: "19777", employees: 64, chronic: { from: 5 } },
  { name: "Công ty TNHH Chế biến Lâm sản Phong Điền Mới", street: "Cụm công nghiệp Phong Điền", commune: "19819", employees: 120, chronic: { from: 6 } },
  { name: "Công ty Cổ phần Vận tải Thuận An Biển", street: "27 Nguyễn Văn Tuyết", commune: "19900", employees: 46, chronic: { from: 8 } },
  { name: "Công ty TNHH Nhà hàng Ẩm thực Vỹ Dạ Xưa", street: "9 Ưng Bình", commune: "19777", employees: 38, chronic: { from: 7, paid: 10 } },
  { name: "Hợp tác xã Dịch vụ Nông nghiệp Hương Thủy Một", street: "Tổ dân phố 5", commune: "19975", employees: 22, chronic: { from: 2, paid: 6 } },
  { name: "Công ty TNHH In ấn Bao bì Kim Long Phát", street: "201 Kim Long", commune: "19774", employees: 57, chronic: { from: 9 } },
  {
    name: "Công ty Cổ phần Gạch ngói Hương Trà Đỏ",
    street: "Quốc lộ 1A, Tứ Hạ",
    commune: "19996",
    employees: 95,
    chronic: { from: 1, lateInJanuary: 2, paid: 4 },
  },
  { name: "Công ty TNHH Khách sạn Sông Thơm", street: "56 Lê Lợi", commune: "19753", employees: 72, chronic: { from: 8 } },
  { name: "Công ty TNHH Cơ khí Phú Bài Thịnh", street: "Khu công nghiệp Phú Bài", commune: "19960", employees: 140 },
  { name: "Công ty Cổ phần Thực phẩm Bánh Huế Nam Giao", street: "33 Điện Biên Phủ", commune: "19813", employees: 48 },
  { name: "Công ty TNHH Gốm sứ Phước Tích Mới", street: "Thôn Phước Phú", commune: "19819", employees: 30 },
  { name: "Công ty TNHH Dịch vụ Bảo vệ Ngự Bình", street: "88 Hùng Vương", commune: "19815", employees: 160 },
  { name: "Công ty Cổ phần Thủy sản Phá Tam Giang", street: "Thôn An Dương", commune: "19900", employees: 66 },
  { name: "Công ty TNHH Nội thất Gỗ Thanh Thủy Xanh", street: "12 Nguyễn Tất Thành", commune: "19969", employees: 41 },
  { name: "Công ty TNHH Điện lạnh Đông Ba Kỹ thuật", street: "140 Trần Hưng Đạo", commune: "19753", employees: 26 },
  { name: "Công ty Cổ phần Nước giải khát Lăng Cô Trong", street: "Thôn Hải Vân", commune: "20137", employees: 52 },
  { name: "Công ty TNHH Xây dựng An Cựu Thành", street: "75 Bà Triệu", commune: "19777", employees: 78 },
  { name: "Công ty TNHH Spa Trà Am Thiên Nhiên", street: "21 Đặng Huy Trứ", commune: "19813", employees: 19 },
  { name: "Chi nhánh Công ty TNHH Dệt may Bến Ngự tại Phú Vang", street: "Cụm công nghiệp Phú Đa", commune: "19942", employees: 110, branchOf: 0 },
  { name: "Công ty Cổ phần Đá mỹ nghệ Ngũ Hành Huế", street: "Thôn Thủy Phù", commune: "19975", employees: 34 },
  { name: "Công ty TNHH Giáo dục Mầm non Hoa Phượng Tím", street: "6 Hàn Mặc Tử", commune: "19777", employees: 28 },
  { name: "Công ty TNHH Du lịch Lữ hành Đại Nội Xưa", street: "44 Đinh Tiên Hoàng", commune: "19753", employees: 23 },
  { name: "Công ty Cổ phần Phân bón Hương Điền Xanh", street: "Thôn Phú Lương", commune: "19885", employees: 61 },
  { name: "Công ty TNHH Kỹ thuật Ô tô Tây Lộc", street: "163 Tăng Bạt Hổ", commune: "19753", employees: 37 },
  { name: "Công ty TNHH Bánh kẹo Mè xửng Thiên Hương", street: "57 Chi Lăng", commune: "19789", employees: 44 },
  { name: "Công ty Cổ phần Vật liệu Xây dựng A Lưới Xanh", street: "Thôn A Hưa", commune: "20056", employees: 29 },
  { name: "Công ty TNHH Thiết kế Quảng cáo Phố Tây", street: "10 Chu Văn An", commune: null, employees: 15 },
  { name: "Công ty TNHH Vận tải Hành khách Chân Mây", street: "Thôn Bình An", commune: null, employees: 58 },
];

/** A tax code no tax office has issued (3399xxxxxx), with its check digit. */
function demoTaxCode(i: number): string {
  const rng = rngFor("employers", "mst", i);
  for (;;) {
    const nine = `3399${String(rng.int(0, 99_999)).padStart(5, "0")}`;
    const d = taxCodeCheckDigit(nine);
    if (d !== null) return `${nine}${d}`;
  }
}

export interface DemoEmployer {
  taxCode: string;
  name: string;
  address: string;
  communeCode: string | null;
}

export interface DemoArrears {
  taxCode: string;
  year: number;
  month: number;
  monthsLate: number;
  amountLate: number;
}

const COMMUNE_NAMES: Record<string, string> = {
  "19753": "phường Phú Xuân",
  "19774": "phường Kim Long",
  "19777": "phường Vỹ Dạ",
  "19789": "phường Thuận Hóa",
  "19813": "phường Thủy Xuân",
  "19815": "phường An Cựu",
  "19819": "phường Phong Điền",
  "19885": "xã Đan Điền",
  "19900": "phường Thuận An",
  "19942": "xã Phú Vang",
  "19960": "phường Phú Bài",
  "19969": "phường Thanh Thủy",
  "19975": "phường Hương Thủy",
  "19996": "phường Hương Trà",
  "20056": "xã A Lưới 1",
  "20137": "xã Chân Mây - Lăng Cô",
};

/** The demo's employers and their arrears at each month end (pure, deterministic). */
export function demoEmployers(): { employers: DemoEmployer[]; arrears: DemoArrears[] } {
  const employers: DemoEmployer[] = [];
  const arrears: DemoArrears[] = [];
  PROFILES.forEach((p, i) => {
    const taxCode = p.branchOf === undefined ? demoTaxCode(i) : `${demoTaxCode(p.branchOf)}-001`;
    const place = p.commune ? COMMUNE_NAMES[p.commune] : "phường Phú Xuân";
    employers.push({ taxCode, name: p.name, address: `${p.street}, ${place}, thành phố Huế`, communeCode: p.commune });
    // A month's contributions: about 32% of a wage of 5,5 million VND per employee, to the thousand.
    const monthly = Math.round((p.employees * 5_500_000 * 0.32) / 1000) * 1000;
    const rng = rngFor("employers", "arrears", i);
    for (const { year, month } of DEMO_EMPLOYER_MONTHS) {
      let late = 0;
      let amount = 0;
      if (p.chronic && month >= p.chronic.from && (p.chronic.paid === undefined || month < p.chronic.paid)) {
        late = (p.chronic.lateInJanuary ?? 1) + month - p.chronic.from;
        // Part of the debt is paid now and then: the amount is a little under months × contributions.
        amount = Math.round((late * monthly * rng.range(0.8, 1)) / 1000) * 1000;
      } else if (!p.chronic && rng.next() < 0.3) {
        late = 1;
        amount = Math.round((monthly * rng.range(0.3, 1)) / 1000) * 1000;
      } else rng.next();
      if (late > 0) arrears.push({ taxCode, year, month, monthsLate: late, amountLate: amount });
    }
  });
  return { employers, arrears };
}

/**
 * Loads the register into the demo's transaction (hooked in lib/demo/load.ts). Fills what is
 * missing (skipDuplicates), never overwrites what a user entered.
 */
export async function loadDemoEmployers(tx: Prisma.TransactionClient): Promise<void> {
  const province = await tx.unit.findFirst({ where: { code: DEMO_EMPLOYERS_PROVINCE, level: "PROVINCE", validTo: null }, select: { id: true } });
  if (!province) return;
  const communes = await tx.unit.findMany({ where: { tenantId: province.id, level: "COMMUNE", validTo: null }, select: { id: true, code: true } });
  const communeId = new Map(communes.map((c) => [c.code, c.id]));
  const staff = await tx.user.findFirst({ where: { username: "bhxh.hue" }, select: { id: true } });
  const { employers, arrears } = demoEmployers();
  await tx.employer.createMany({
    data: employers.map((e) => ({
      tenantId: province.id,
      taxCode: e.taxCode,
      name: e.name,
      address: e.address,
      communeId: e.communeCode ? (communeId.get(e.communeCode) ?? null) : null,
      createdAt: new Date("2026-02-05T02:00:00Z"),
      updatedAt: new Date("2026-02-05T02:00:00Z"),
    })),
    skipDuplicates: true,
  });
  const ids = new Map(
    (
      await tx.employer.findMany({ where: { tenantId: province.id, taxCode: { in: employers.map((e) => e.taxCode) } }, select: { id: true, taxCode: true } })
    ).map((e) => [e.taxCode, e.id]),
  );
  // Recorded five days after each month end.
  const recordedAt = (year: number, month: number) => new Date(Date.UTC(year, month, 5, 2, 0, 0));
  await tx.employerArrears.createMany({
    data: arrears.map((a) => ({
      tenantId: province.id,
      employerId: ids.get(a.taxCode)!,
      year: a.year,
      month: a.month,
      monthsLate: a.monthsLate,
      amountLate: BigInt(a.amountLate),
      updatedById: staff?.id ?? null,
      createdAt: recordedAt(a.year, a.month),
      updatedAt: recordedAt(a.year, a.month),
    })),
    skipDuplicates: true,
  });
  const byTax = new Map(employers.map((e) => [e.taxCode, e]));
  const published = arrears
    .filter((a) => a.year === DEMO_PUBLISHED.year && a.month === DEMO_PUBLISHED.month)
    .map((a) => ({ ...a, name: byTax.get(a.taxCode)!.name, address: byTax.get(a.taxCode)!.address }));
  const entries = publishedEntries(published, DEMO_PUBLISHED.minMonthsLate);
  await tx.latePayerPublication.createMany({
    data: [
      {
        tenantId: province.id,
        year: DEMO_PUBLISHED.year,
        month: DEMO_PUBLISHED.month,
        minMonthsLate: DEMO_PUBLISHED.minMonthsLate,
        publishedAt: DEMO_PUBLISHED.publishedAt,
        publishedById: staff?.id ?? null,
        entries: entries as unknown as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
}
