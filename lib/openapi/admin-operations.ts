import { z } from "zod";
import { listUsersQuerySchema, updateUserSchema } from "@/lib/auth/admin-users";
import { errorResponse, forbidden, invalid, unauthorized } from "./error-responses";
import { jsonBody, type Operation } from "./operation";
import { adminUserSchema } from "./response-schemas";

const adminUserExample = {
  id: "3e2a3b1c-5f0d-4d8e-9a52-7c1f0b6a9e21",
  username: "ada",
  email: "ada@example.org",
  role: "user",
  disabled: false,
  createdAt: "2026-03-01T09:00:00.000Z",
  lastLogin: "2026-03-02T08:15:00.000Z",
  jobs: 12,
};

export const adminOperations: Operation[] = [
  {
    method: "get", path: "/api/admin/users", tag: "Admin", access: "admin",
    summary: "Accounts, newest first",
    params: { query: listUsersQuerySchema },
    responses: {
      200: { description: "A page of accounts.", content: jsonBody(z.object({ items: z.array(adminUserSchema), nextCursor: z.string().nullable() }), { items: [adminUserExample], nextCursor: null }) },
      401: unauthorized,
      403: forbidden,
    },
  },
  {
    method: "patch", path: "/api/admin/users/{id}", tag: "Admin", access: "session",
    summary: "Promote, demote, disable or re-enable an account",
    description: "Admins only, from a browser session (not an API token). Takes effect on the account's next request; an admin cannot change their own account.",
    params: { path: z.object({ id: z.string() }) },
    body: { contentType: "application/json", schema: updateUserSchema, example: { role: "admin" } },
    responses: {
      200: { description: "The account after the change.", content: jsonBody(adminUserSchema, { ...adminUserExample, role: "admin" }) },
      400: invalid,
      401: unauthorized,
      403: forbidden,
      404: errorResponse("No such account.", "not_found", "No such user."),
      409: errorResponse("The admin tried to change their own account.", "conflict", "You cannot change your own role or disable your own account; ask another admin."),
    },
  },
];
