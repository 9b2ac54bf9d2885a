/** pino-roll ships no types; this is the part of its documented API the log uses (README, "build(options)"). */
declare module 'pino-roll' {
  import type { SonicBoom, SonicBoomOpts } from 'sonic-boom';

  interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest'> {
    file: string | (() => string);
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
  }
  export default function build(options: PinoRollOptions): Promise<SonicBoom>;
}
