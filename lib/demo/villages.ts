// Demo village figures (issue 15, item 5): Xã Kim Thành's ten villages (lib/demo/generate.ts names
// them; seed 001 gives the commune's 2026 targets "cho các thôn") with their own figures for 2025 Q4
// and 2026 Q1–Q3, and their 2026 targets — the commune's (13.624 compulsory, 486 voluntary, and its
// BHYT target) split among them so they add up exactly. At 30/9/2026 some villages are on track,
// some close, some behind (voluntary participants that did not grow), and Thôn Tiền Trung has 100%
// of its people in BHYT. Phường Phú Xuân's residential groups (Huế) get figures too, one of them a
// "tổ dân phố kiểu mẫu" (seed 004: 100% BHYT). No randomness: fixed shares and paces, rounded, so the
// data is the same on every machine; the figures add up to about the commune's own at the end of 2025.
import type { Prisma } from "../generated/prisma/client";
import { allocate } from "../domain/allocation";
import { KIM_THANH, PHU_XUAN, SEED_KIM_THANH_TARGETS, SOURCE_ILLUSTRATIVE } from "./generate";
import type { VillageFigures, VillageMetric } from "../domain/villages";

/** Kim Thành at 31/12/2025 in the demo (lib/demo/generate.ts) and its 2026 BHYT target. */
const KIM_THANH_END_2025: VillageFigures = { labourForce: 32_559, population: 56_711, bhxhCompulsory: 12_332, bhxhVoluntary: 406, bhyt: 53_604 };
const KIM_THANH_BHYT_2026 = 55_606;

/**
 * Per village (10804-01 … 10804-10): its share of the commune's labour force and population (‰),
 * its BHYT coverage at the end of 2025, how much more than its share it was asked to grow (uplift
 * of its 2026 target), and its pace in 2026 (1 = exactly along the milestones' straight line).
 */
const KIM_THANH_VILLAGES: {
  code: string;
  share: number;
  popShare: number;
  bhytCoverage: number;
  uplift: { bhxhCompulsory: number; bhxhVoluntary: number; bhyt: number };
  pace: { bhxhCompulsory: number; bhxhVoluntary: number; bhyt: number };
}[] = [
  { code: "10804-01", share: 140, popShare: 138, bhytCoverage: 0.95, uplift: u(1.0, 1.0, 1.0), pace: u(1.15, 1.3, 1.1) },
  { code: "10804-02", share: 120, popShare: 122, bhytCoverage: 0.94, uplift: u(1.0, 1.05, 1.0), pace: u(0.85, 0.1, 0.9) },
  { code: "10804-03", share: 110, popShare: 108, bhytCoverage: 0.93, uplift: u(1.0, 1.0, 1.0), pace: u(1.05, 1.1, 1.05) },
  { code: "10804-04", share: 100, popShare: 101, bhytCoverage: 0.95, uplift: u(1.0, 0.95, 1.0), pace: u(0.95, 0.9, 0.95) },
  { code: "10804-05", share: 90, popShare: 92, bhytCoverage: 0.92, uplift: u(1.02, 1.1, 1.01), pace: u(0.4, -0.2, 0.5) },
  { code: "10804-06", share: 100, popShare: 99, bhytCoverage: 0.95, uplift: u(1.0, 1.0, 1.0), pace: u(1.2, 1.1, 1.0) },
  { code: "10804-07", share: 80, popShare: 82, bhytCoverage: 0.93, uplift: u(1.0, 1.0, 1.0), pace: u(0.9, 0.75, 0.9) },
  { code: "10804-08", share: 90, popShare: 88, bhytCoverage: 0.99, uplift: u(1.0, 1.0, 0.97), pace: u(1.1, 1.2, 1.0) },
  { code: "10804-09", share: 90, popShare: 90, bhytCoverage: 0.94, uplift: u(1.0, 1.05, 1.0), pace: u(0.9, 0.0, 0.8) },
  { code: "10804-10", share: 80, popShare: 80, bhytCoverage: 0.95, uplift: u(1.0, 1.0, 1.0), pace: u(1.0, 1.05, 1.0) },
];
/** The village whose whole population has BHYT from 30/6/2026 (Thôn Tiền Trung). */
const FULL_BHYT_VILLAGE = "10804-08";

function u(bhxhCompulsory: number, bhxhVoluntary: number, bhyt: number) {
  return { bhxhCompulsory, bhxhVoluntary, bhyt };
}

export interface DemoVillageFigure extends VillageFigures {
  unitCode: string;
  year: number;
  quarter: number;
}

export interface DemoVillageTarget {
  unitCode: string;
  year: number;
  key: "bhxhCompulsory" | "bhxhVoluntary" | "bhyt";
  value: number;
}

const split = (total: number, weights: number[], codes: string[]) =>
  allocate(
    total,
    weights.map((w, i) => ({ key: codes[i], weight: w })),
  ).map((a) => a.value);

/** The demo's village figures and targets, as plain objects (no database). */
export function villageDemoData(): { figures: DemoVillageFigure[]; targets: DemoVillageTarget[] } {
  const V = KIM_THANH_VILLAGES;
  const codes = V.map((v) => v.code);
  const E = KIM_THANH_END_2025;
  // 31/12/2025: the commune's figures split by the villages' shares (exact sums).
  const labourForce = split(
    E.labourForce!,
    V.map((v) => v.share),
    codes,
  );
  const population = split(
    E.population!,
    V.map((v) => v.popShare),
    codes,
  );
  const compulsory = split(
    E.bhxhCompulsory!,
    V.map((v) => v.share),
    codes,
  );
  const voluntary = split(
    E.bhxhVoluntary!,
    V.map((v) => v.share),
    codes,
  );
  const bhyt = V.map((v, i) => Math.min(population[i], Math.round(population[i] * v.bhytCoverage)));
  const base: Record<"bhxhCompulsory" | "bhxhVoluntary" | "bhyt", number[]> = { bhxhCompulsory: compulsory, bhxhVoluntary: voluntary, bhyt };

  // 2026 targets: the commune's, split in proportion to each village's end-2025 figure × its uplift.
  const totals = {
    bhxhCompulsory: SEED_KIM_THANH_TARGETS[2026].bhxhCompulsory!,
    bhxhVoluntary: SEED_KIM_THANH_TARGETS[2026].bhxhVoluntary!,
    bhyt: KIM_THANH_BHYT_2026,
  };
  const targets: DemoVillageTarget[] = [];
  const targetOf = {} as Record<keyof typeof totals, number[]>;
  for (const key of ["bhxhCompulsory", "bhxhVoluntary", "bhyt"] as const) {
    targetOf[key] = split(
      totals[key],
      V.map((v, i) => Math.round(base[key][i] * v.uplift[key] * 1000)),
      codes,
    );
    V.forEach((v, i) => targets.push({ unitCode: v.code, year: 2026, key, value: targetOf[key][i] }));
  }

  const figures: DemoVillageFigure[] = [];
  V.forEach((v, i) => {
    figures.push({
      unitCode: v.code,
      year: 2025,
      quarter: 4,
      labourForce: labourForce[i],
      population: population[i],
      bhxhCompulsory: compulsory[i],
      bhxhVoluntary: voluntary[i],
      bhyt: bhyt[i],
    });
    for (const q of [1, 2, 3]) {
      const pop = Math.round(population[i] * (1 + 0.0016 * q));
      // Along the straight line from the end of 2025 to the target, at the village's own pace.
      const at = (key: keyof typeof totals) => Math.max(0, Math.round(base[key][i] + ((targetOf[key][i] - base[key][i]) * q * v.pace[key]) / 4));
      const full = v.code === FULL_BHYT_VILLAGE && q >= 2;
      figures.push({
        unitCode: v.code,
        year: 2026,
        quarter: q,
        labourForce: Math.round(labourForce[i] * (1 + 0.0018 * q)),
        population: pop,
        bhxhCompulsory: at("bhxhCompulsory"),
        bhxhVoluntary: at("bhxhVoluntary"),
        bhyt: full ? pop : Math.min(pop, at("bhyt")),
      });
    }
  });

  // Phú Xuân's five residential groups (Huế): figures only; Tổ dân phố 3 is a model group from Q3.
  const groups = [1, 2, 3, 4, 5].map((n) => ({ code: `${PHU_XUAN}-0${n}`, people: 620 + 85 * n, coverage: 0.93 + 0.01 * n }));
  for (const g of groups) {
    for (const [year, quarter, step] of [
      [2025, 4, 0],
      [2026, 1, 1],
      [2026, 2, 2],
      [2026, 3, 3],
    ] as const) {
      const population = g.people + step * 2;
      const full = g.code === `${PHU_XUAN}-03` && step === 3;
      figures.push({
        unitCode: g.code,
        year,
        quarter,
        labourForce: Math.round(population * 0.58),
        population,
        bhxhCompulsory: Math.round(population * 0.21) + step,
        bhxhVoluntary: Math.round(population * 0.02) + Math.floor(step / 2),
        bhyt: full ? population : Math.min(population, Math.round(population * (g.coverage + 0.004 * step))),
      });
    }
  }
  return { figures, targets };
}

/** Loads the demo's village figures and targets (inside load.ts's transaction; skips what exists). */
export async function loadVillageDemo(tx: Prisma.TransactionClient): Promise<void> {
  const { figures, targets } = villageDemoData();
  const codes = [...new Set([...figures.map((f) => f.unitCode), ...targets.map((t) => t.unitCode)])];
  const units = await tx.unit.findMany({ where: { code: { in: codes }, level: "VILLAGE", validTo: null }, select: { id: true, code: true, tenantId: true } });
  const unitOf = new Map(units.map((v) => [v.code, v]));
  const officer = await tx.user.findFirst({ where: { role: "COMMUNE_OFFICER", unit: { code: KIM_THANH } }, select: { id: true } });
  const at = (year: number, quarter: number) => new Date(Date.UTC(year, quarter * 3, 8, 2)); // a week after the quarter ended
  await tx.villageFigure.createMany({
    data: figures.flatMap((f) => {
      const v = unitOf.get(f.unitCode);
      if (!v || v.tenantId === null) return [];
      const values = Object.fromEntries((["labourForce", "population", "bhxhCompulsory", "bhxhVoluntary", "bhyt"] as VillageMetric[]).map((k) => [k, f[k]]));
      return [
        {
          ...values,
          unitId: v.id,
          tenantId: v.tenantId,
          year: f.year,
          quarter: f.quarter,
          updatedById: f.unitCode.startsWith(KIM_THANH) ? (officer?.id ?? null) : null,
          createdAt: at(f.year, f.quarter),
          updatedAt: at(f.year, f.quarter),
        },
      ];
    }),
    skipDuplicates: true,
  });
  await tx.target.createMany({
    data: targets.flatMap((t) => {
      const v = unitOf.get(t.unitCode);
      return v ? [{ unitId: v.id, tenantId: v.tenantId, year: t.year, key: t.key, kind: "COUNT" as const, value: t.value, source: SOURCE_ILLUSTRATIVE }] : [];
    }),
    skipDuplicates: true,
  });
}
