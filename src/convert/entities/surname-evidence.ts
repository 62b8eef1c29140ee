/**
 * Whether the edition knows a surname as a person's: one rule for the {@link PersonRegistry} that tags in one
 * thread and the recorder that tags in a worker (person-mentions.ts), so that `--jobs` cannot drift from one
 * thread's output.
 */
import type { NameKnowledge } from './persons/knowledge.js';
import { normalizeSurname } from './persons/normalize.js';
import type { NameForm } from './personography.js';

/** True when a mention names its surname with evidence of its own: forenames, initials, a title, or as a correspondent. */
export function isStrongMention(form: NameForm, options: { correspondent?: boolean }): boolean {
  return (form.forenames?.length ?? 0) > 0 || (form.initials?.length ?? 0) > 0 || !!form.title || !!options.correspondent;
}

/**
 * True when a person with this surname (any spelling that folds to it) is known: named in the editor's persons
 * file, or established by the sources (`knowledge`); unless every source was read first (`learned`: then only that
 * knowledge counts, whatever the order of conversion), also named in a strong mention ({@link isStrongMention}) so
 * far. Positional, not an object: it is asked for every capitalised word tagging meets.
 */
export function knowsSurname(
  surname: string,
  editorSurnames: ReadonlySet<string>,
  knowledge: Pick<NameKnowledge, 'surnames'>,
  learned: boolean,
  strongSurnames: ReadonlySet<string>,
): boolean {
  const key = normalizeSurname(surname);
  if (editorSurnames.has(key) || knowledge.surnames.has(key)) return true;
  return !learned && strongSurnames.has(key);
}
