/** The text form Prisma's SQLite adapter stores DateTime in; raw SQL must compare like with like. */
export function sqlTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}
