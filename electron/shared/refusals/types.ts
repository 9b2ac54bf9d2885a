/**
 * A refusal's sentence in each UI language. `{name}` marks a parameter the core passes with the refusal
 * (`{field}` is the label of the field, looked up in the field labels); every language has the same ones.
 */
export interface Sentence {
  ru: string;
  kk: string;
  en: string;
}

/** What the core passes with a refusal: exact values, already in the form people read (dd.mm.yyyy, ₸). */
export type RefusalParams = Record<string, string | number>;

/** A field's label in each UI language, as the window's forms and the import's headers say it. */
export type FieldLabel = Sentence;
