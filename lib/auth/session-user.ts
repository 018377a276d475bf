/** Who is calling, as every handler and page sees it. The role is always the database's. */
export interface SessionUser {
  id: string;
  username: string;
  role: "user" | "admin";
}

export type Role = SessionUser["role"];

export function toRole(value: string): Role {
  return value === "admin" ? "admin" : "user";
}
