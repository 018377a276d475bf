import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type MailTransport = (message: MailMessage) => Promise<void>;

let override: MailTransport | undefined;
let smtp: { url: string; send: MailTransport } | undefined;

/** Tests capture mail in memory; pass undefined to go back to the configured transport. */
export function setMailTransport(transport: MailTransport | undefined): void {
  override = transport;
}

/**
 * Where mail goes, first match wins: a test override; MAIL_CAPTURE_FILE (JSON lines, for e2e);
 * SMTP_URL through nodemailer; otherwise the server log, so a self-hosted instance without
 * SMTP can still hand out a reset link.
 */
function transport(): MailTransport {
  if (override) return override;
  const env = getEnv();
  if (env.MAIL_CAPTURE_FILE) {
    const file = env.MAIL_CAPTURE_FILE;
    return async (m) => {
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify({ ...m, at: new Date().toISOString() })}\n`, { mode: 0o600 });
    };
  }
  if (env.SMTP_URL) {
    if (smtp?.url !== env.SMTP_URL) {
      const t = nodemailer.createTransport(env.SMTP_URL);
      smtp = { url: env.SMTP_URL, send: async (m) => void (await t.sendMail({ from: env.MAIL_FROM, ...m })) };
    }
    return smtp.send;
  }
  // Deliberately logs the message, recipient and reset link included: with no SMTP this is how the
  // operator of a self-hosted instance hands it on. With SMTP_URL set, no address or link is logged.
  return async (m) => log().info({ mail: { to: m.to, subject: m.subject, text: m.text } }, "no SMTP_URL configured: mail not sent, message follows");
}

export function sendMail(message: MailMessage): Promise<void> {
  return transport()(message);
}
