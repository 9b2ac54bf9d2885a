import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Which register file the window opens: the default one in the user-data folder, or one the user chose
 * ("Open database…" for a second branch or for headquarters). Kept in config.json beside it.
 */
const ConfigSchema = z.object({
  databaseFile: z.string().min(1).optional(),
  /** The UI language last chosen, for what is said before a register is open (a start-up failure). */
  language: z.enum(['ru', 'kk', 'en']).optional(),
});
export type AppConfig = z.output<typeof ConfigSchema>;

export function configFile(userData: string): string {
  return path.join(userData, 'config.json');
}

export function readConfig(userData: string): AppConfig {
  try {
    const parsed = ConfigSchema.safeParse(JSON.parse(fs.readFileSync(configFile(userData), 'utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    return {}; // no file yet, or unreadable: the default database
  }
}

export function writeConfig(userData: string, config: AppConfig): void {
  fs.mkdirSync(userData, { recursive: true });
  const file = configFile(userData);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(config, null, 2));
  fs.renameSync(`${file}.tmp`, file); // never a half-written config
}

/** Changes some fields, keeping the others. */
export function updateConfig(userData: string, patch: AppConfig): void {
  writeConfig(userData, { ...readConfig(userData), ...patch });
}

export function databaseFile(userData: string): string {
  return readConfig(userData).databaseFile ?? path.join(userData, 'register.sqlite');
}
