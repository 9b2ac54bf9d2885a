import { decodeIin, ID_PROBLEM_TEXT, iinProblem, type IinFacts } from '../ids/iin.ts';

export interface IdentityProblem {
  code: string;
  message: string;
  messageRu: string;
}

/**
 * Checks an IIN and, when given, that the birth date and sex entered agree with what it encodes.
 * Returns the facts or the problem (imports collect problems; services throw them).
 */
export function checkIdentity(
  iin: string,
  entered: { birthDate?: string | null; sex?: 'male' | 'female' | null } = {},
): IinFacts | IdentityProblem {
  const problem = iinProblem(iin);
  if (problem) {
    return {
      code: 'member.invalid_iin',
      message: `IIN ${iin} ${ID_PROBLEM_TEXT[problem].en}`,
      messageRu: `ИИН ${iin} ${ID_PROBLEM_TEXT[problem].ru}`,
    };
  }
  const facts = decodeIin(iin)!;
  if (entered.birthDate && entered.birthDate !== facts.birthDate) {
    return {
      code: 'member.iin_birth_date_mismatch',
      message: `IIN ${iin} encodes birth date ${facts.birthDate}, not ${entered.birthDate}`,
      messageRu: `ИИН ${iin} соответствует дате рождения ${facts.birthDate}, а не ${entered.birthDate}`,
    };
  }
  if (entered.sex && entered.sex !== facts.sex) {
    return {
      code: 'member.iin_sex_mismatch',
      message: `IIN ${iin} encodes sex ${facts.sex}, not ${entered.sex}`,
      messageRu: `ИИН ${iin} указывает на ${facts.sex === 'male' ? 'мужской' : 'женский'} пол`,
    };
  }
  return facts;
}

export function isIdentityProblem(x: IinFacts | IdentityProblem): x is IdentityProblem {
  return 'code' in x;
}
