/**
 * A refusal the user can act on. `code` is stable (CLI, tests, logs); `message` is the English sentence
 * for the CLI and logs; `messageRu` is what the UI shows. `details` carries per-row problems for imports.
 */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
  messageRu: string;
}

export class RegisterError extends Error {
  readonly code: string;
  readonly messageRu: string;
  readonly details: RowProblem[];

  constructor(code: string, message: string, messageRu: string, details: RowProblem[] = []) {
    super(message);
    this.name = 'RegisterError';
    this.code = code;
    this.messageRu = messageRu;
    this.details = details;
  }
}

export function refuse(code: string, message: string, messageRu: string): never {
  throw new RegisterError(code, message, messageRu);
}
