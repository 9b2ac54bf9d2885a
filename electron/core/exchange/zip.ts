import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { RegisterError } from '../errors.ts';

/**
 * The package's ZIP, built and read in memory (never extracted to disk). Reading is hostile-input code:
 * entry names are allow-listed (no folders of their own, no `..`, no absolute paths, no duplicates) and
 * sizes are capped from the directory before anything is inflated (zip bombs).
 */
export const ENTRY_NAME =
  /^(manifest\.json|manifest\.json\.minisig|data\/[a-z_]+\.jsonl|summaries\/[a-z_]+\.json)$/;
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
export const MAX_ENTRIES = 64;

export function buildZip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 6 }]])),
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
}

function refusal(message: string, messageRu: string): RegisterError {
  return new RegisterError('package.bad_zip', message, messageRu);
}

export function readZip(
  bytes: Uint8Array,
  limits = { entry: MAX_ENTRY_BYTES, total: MAX_TOTAL_BYTES },
): Unzipped {
  const seen = new Set<string>();
  let total = 0;
  let problem: RegisterError | null = null;
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (problem) return false;
        if (!ENTRY_NAME.test(file.name)) {
          problem = refusal(
            `entry "${file.name}" is not allowed in a package`,
            `Недопустимый файл «${file.name}» в пакете`,
          );
        } else if (seen.has(file.name)) {
          problem = refusal(
            `entry "${file.name}" appears twice`,
            `Файл «${file.name}» встречается в пакете дважды`,
          );
        } else if (file.originalSize > limits.entry || (total += file.originalSize) > limits.total) {
          problem = refusal(
            `entry "${file.name}" unpacks to more than the allowed size`,
            `Файл «${file.name}» в распакованном виде больше допустимого`,
          );
        } else if (seen.size >= MAX_ENTRIES) {
          problem = refusal('too many entries', 'Слишком много файлов в пакете');
        }
        seen.add(file.name);
        return problem === null;
      },
    });
  } catch (err) {
    throw refusal(
      `the package's ZIP cannot be read (${(err as Error).message})`,
      'ZIP-архив внутри пакета не читается',
    );
  }
  if (problem) throw problem;
  // fflate reports an entry's size from the directory; check what came out too.
  for (const [name, data] of Object.entries(files)) {
    if (data.length > limits.entry)
      throw refusal(`entry "${name}" is larger than declared`, `Файл «${name}» больше заявленного размера`);
  }
  return files;
}
