// CLI: npm run user:create -- [--admin] [--email ADDRESS] NAME
// Creates an account (the first admin, typically). The password comes from AMR_USER_PASSWORD,
// else from a hidden prompt, else (piped) from the first line of stdin; it never goes on the
// command line, where `ps` and shell history would keep it. If NAME exists, --admin promotes it.
// Uses DATABASE_FILE like the app (default file:./prisma/dev.db); run `npm run db:deploy` first.
import { configuredDatabaseUrl, createDb } from "../lib/db";
import { toRole } from "../lib/auth/session-user";
import { setRole, createUser } from "../lib/auth/users";
import { usernameKey } from "../lib/auth/username";
import { closeHashPool } from "../lib/auth/hash-pool";
import { AppError, zodFieldErrors } from "../lib/errors";
import { ZodError } from "zod";

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  let admin = false;
  let email: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--admin") admin = true;
    else if (a === "--email") email = argv[++i];
    else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
    else names.push(a);
  }
  if (names.length !== 1) throw new UsageError("usage: npm run user:create -- [--admin] [--email ADDRESS] NAME");
  return { admin, email, username: names[0] };
}

/** Reads a line without echoing it (raw mode), or the first piped line when stdin is not a terminal. */
function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return new Promise((resolve) => {
      let data = "";
      stdin.setEncoding("utf8");
      stdin.on("data", (c: string) => (data += c));
      stdin.on("end", () => resolve(data.split(/\r?\n/)[0] ?? ""));
    });
  }
  process.stdout.write(prompt);
  return new Promise((resolve, reject) => {
    let value = "";
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          return resolve(value);
        }
        if (ch === "\u0003") return reject(new UsageError("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function main() {
  const { admin, email, username } = parseArgs(process.argv.slice(2));
  const db = createDb(configuredDatabaseUrl());
  try {
    const existing = await db.user.findUnique({ where: { usernameKey: usernameKey(username) }, select: { id: true, username: true, role: true } });
    if (existing) {
      if (!admin) throw new UsageError(`user ${existing.username} already exists`);
      await setRole(db, existing.id, "admin");
      console.log(`${existing.username} already existed and is now an admin (was ${toRole(existing.role)}).`);
      return;
    }
    let password = process.env.AMR_USER_PASSWORD;
    if (!password) {
      password = await readPassword(`Password for ${username} (12+ characters): `);
      if (process.stdin.isTTY && (await readPassword("Repeat it: ")) !== password) throw new UsageError("the passwords differ");
    }
    const user = await createUser(db, { username, email, password }, admin ? "admin" : "user");
    console.log(`Created ${user.role} ${user.username} (${user.id}).`);
  } finally {
    await db.$disconnect();
    await closeHashPool();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ZodError) {
    for (const [field, message] of Object.entries(zodFieldErrors(err))) console.error(`${field}: ${message}`);
  } else if (err instanceof AppError || err instanceof UsageError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(2);
});
