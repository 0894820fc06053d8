// A reporting period from a URL or a body (year and quarter), with Vietnamese messages.
import { z } from "zod";
import { MAX_YEAR, MIN_YEAR } from "../domain/period";

export const periodSchema = z.object({
  year: z.coerce
    .number({ error: "Năm phải là một số." })
    .int("Năm phải là số nguyên.")
    .min(MIN_YEAR, `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`)
    .max(MAX_YEAR, `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}.`),
  quarter: z.coerce
    .number({ error: "Quý phải là một số từ 1 đến 4." })
    .int("Quý phải là một số từ 1 đến 4.")
    .min(1, "Quý phải là một số từ 1 đến 4.")
    .max(4, "Quý phải là một số từ 1 đến 4."),
});
