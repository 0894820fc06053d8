// npm run user:create -- --username admin2 --full-name "Nguyễn Văn A" --role admin
//   [--unit 31]   (required for every role but admin)
// The password is read from the USER_PASSWORD environment variable, or asked for (hidden) at the
// prompt, or read from standard input when it is not a terminal.
import path from "node:path";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { env, EnvError } from "../lib/env";
import { openDatabase } from "../lib/db/connect";
import { migrate } from "../lib/db/migrate";
import { loadReferenceTargets, loadReferenceUnits } from "../lib/db/reference";
import { createUser, UserInputError } from "../lib/users/create-user";

const USAGE = `Cách dùng: npm run user:create -- --username <tên> --full-name "<họ tên>" --role <vai trò> [--unit <mã đơn vị>]
  vai trò: admin | national-leader | city-staff | city-leader | commune-officer
  mật khẩu: biến môi trường USER_PASSWORD, hoặc nhập khi được hỏi (ít nhất 12 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến)`;

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
      let muted = false;
      out._writeToOutput = (s: string) => (muted ? undefined : out.output.write(s));
      rl.question(q, (a) => resolve(a));
      muted = true;
    });
  const p1 = await ask("Mật khẩu: ");
  process.stdout.write("\n");
  const p2 = await ask("Nhập lại mật khẩu: ");
  process.stdout.write("\n");
  rl.close();
  if (p1 !== p2) throw new UserInputError(["Hai lần nhập mật khẩu không khớp."]);
  return p1;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        username: { type: "string" },
        "full-name": { type: "string" },
        role: { type: "string" },
        unit: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (e) {
    throw new UserInputError([`Tham số không hợp lệ: ${(e as Error).message}`, USAGE]);
  }
  if (values.help || !values.username || !values.role || !values["full-name"]) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const e = env();
  const db = e.embedded ? await openDatabase({ dataDir: path.resolve(e.DATA_DIR) }) : await openDatabase({ url: e.DATABASE_URL! });
  try {
    await migrate(db.sql);
    await loadReferenceUnits(db.sql);
    await loadReferenceTargets(db.sql);
    const password = await readPassword();
    const user = await createUser(db.prisma, {
      username: values.username,
      fullName: values["full-name"],
      role: values.role,
      unitCode: values.unit,
      password,
    });
    console.log(`Đã tạo tài khoản «${user.username}» (${user.role}).`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof UserInputError || err instanceof EnvError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error("Lỗi:", err instanceof Error ? err.message : err);
  process.exit(1);
});
