// Environment, validated once with zod (create-t3-app style). Import `env` instead of reading
// process.env anywhere else, so a bad value stops the app at start-up with a clear message.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: "phải là true hoặc false",
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "phải là một địa chỉ PostgreSQL dạng postgresql://user@host:5432/db",
    })
    .optional(),
  // A PostgreSQL streaming replica for read-only pages and exports (optional; with DATABASE_URL only).
  DATABASE_REPLICA_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "phải là một địa chỉ PostgreSQL dạng postgresql://user@replica:5432/db",
    })
    .optional(),
  // Connections each instance keeps to PostgreSQL (several instances share the server's max_connections).
  DATABASE_POOL_SIZE: z.coerce.number({ error: "phải là một số" }).int("phải là số nguyên").min(1, "ít nhất 1").max(200, "nhiều nhất 200").default(10),
  DATA_DIR: z.string().trim().min(1, "không được để trống").default(".data/pglite"),
  DEMO_DATA: bool.optional(),
  NEXTAUTH_SECRET: z.string().min(16, "phải dài ít nhất 16 ký tự").optional(),
  // The public address users open (https://bhxh.example.gov.vn): sign-in redirects point there, and
  // over https the session cookies are Secure (__Secure- prefix). Required on a server install.
  NEXTAUTH_URL: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "https:" || u.protocol === "http:") && u.username === "" && u.search === "" && u.hash === "";
      } catch {
        return false;
      }
    }, "phải là địa chỉ công khai của ứng dụng, dạng https://bhxh.example.gov.vn")
    .optional(),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number({ error: "phải là một số giờ" })
    .int("phải là số nguyên")
    .min(1, "ít nhất 1 giờ")
    .max(720, "nhiều nhất 720 giờ")
    .default(8),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ error: "phải là một số giờ" })
    .int("phải là số nguyên")
    .min(1, "ít nhất 1 giờ")
    .max(720, "nhiều nhất 720 giờ")
    .default(8),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema> & { demoData: boolean; embedded: boolean };

/** Session cookies are Secure (and __Secure- prefixed) when the public address is https. */
export const secureCookies = (e: Pick<Env, "NEXTAUTH_URL">): boolean => e.NEXTAUTH_URL?.startsWith("https://") ?? false;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set" (a common slip in .env files).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Cấu hình môi trường không hợp lệ (invalid environment):\n${lines.join("\n")}`);
  }
  const embedded = r.data.DATABASE_URL === undefined;
  if (embedded && r.data.DATABASE_REPLICA_URL) {
    throw new EnvError(
      "Cấu hình môi trường không hợp lệ (invalid environment):\n  - DATABASE_REPLICA_URL: chỉ dùng cùng DATABASE_URL (máy chủ PostgreSQL chính); cơ sở dữ liệu nhúng không có bản sao (a replica needs DATABASE_URL, the primary)",
    );
  }
  if (!embedded && r.data.NODE_ENV === "production" && !r.data.NEXTAUTH_URL) {
    throw new EnvError(
      "Cấu hình môi trường không hợp lệ (invalid environment):\n  - NEXTAUTH_URL: bắt buộc khi chạy trên máy chủ PostgreSQL (DATABASE_URL): địa chỉ công khai người dùng mở, ví dụ https://bhxh.example.gov.vn (the public URL is required on a server install; https makes the session cookies Secure)",
    );
  }
  return { ...r.data, embedded, demoData: r.data.DEMO_DATA ?? embedded };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
