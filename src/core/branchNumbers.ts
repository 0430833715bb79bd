/**
 * Branch-safe numbering: two branches that both take number 0006 each pass their own checks, and the
 * merge breaks the log (adr-tools#102). A record folder's names on other branches (the default
 * branch's tip, the other local branches), read through git by the host, are numbers taken too: a new
 * record skips them, and a record whose number another record holds at a pull request's target is a
 * duplicate number (SF015) before the merge. Pure: the hosts list the names.
 */
import { readNamePrefix, nextNumber } from './numbering';

/** The record file names of one folder at one git ref (`origin/main`, `feature/x`). */
export interface NamesAtRef {
  readonly ref: string;
  /** File names in the folder at that ref (not paths). */
  readonly names: readonly string[];
}

/** A number skipped because another branch holds it: the number, the ref and the file that holds it there. */
export interface TakenElsewhere {
  readonly number: number;
  readonly ref: string;
  readonly name: string;
}

/** The number chosen for a new record, and the numbers skipped on the way (lowest first). */
export interface NumberChoice {
  readonly number: number;
  readonly skipped: readonly TakenElsewhere[];
}

/**
 * The number for a new record in a folder whose working tree holds `local` (file names) and whose
 * copy at other refs holds `elsewhere`: the working tree's next number ({@link nextNumber}), moved
 * past every number a record of another ref holds (see {@link numberFreeFrom}).
 */
export function nextNumberAcrossBranches(local: Iterable<string>, elsewhere: readonly NamesAtRef[]): NumberChoice {
  return numberFreeFrom(nextNumber(local), elsewhere);
}

/**
 * The first number from `start` on that no record of `elsewhere` holds, and the numbers skipped on
 * the way (the first ref listing each is named). Linear in the names.
 */
export function numberFreeFrom(start: number, elsewhere: readonly NamesAtRef[]): NumberChoice {
  const taken = new Map<number, TakenElsewhere>();
  for (const { ref, names } of elsewhere) {
    for (const name of names) {
      const n = readNamePrefix(name)?.number;
      if (n !== undefined && n >= start && !taken.has(n)) taken.set(n, { number: n, ref, name });
    }
  }
  const skipped: TakenElsewhere[] = [];
  let number = start;
  for (let held = taken.get(number); held; held = taken.get(number)) {
    skipped.push(held);
    number++;
  }
  return { number, skipped };
}

/** The sentence that says why numbers were skipped: `0006 is taken on origin/main by 0006-use-x.md` (several joined with `; `). */
export function skippedMessage(skipped: readonly TakenElsewhere[]): string {
  return skipped.map(s => `${String(s.number).padStart(4, '0')} is taken on ${s.ref} by ${s.name}`).join('; ');
}

/**
 * The records at `base` (a ref, `names` its copy of the record's folder) that hold the same number as
 * the record named `name` but are another file: the duplicates a merge into `base` would make.
 * Empty for a name without a number.
 */
export function collisionsAt(name: string, base: NamesAtRef): string[] {
  const number = readNamePrefix(name)?.number;
  if (number === undefined) return [];
  return base.names.filter(other => other !== name && /\.md$/i.test(other) && readNamePrefix(other)?.number === number);
}
