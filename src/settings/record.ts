/**
 * A schema's settings read from untrusted data (a run record's `recipe` and `hp`): each entry's
 * type first (a number, a list of at most maxLength numbers, a choice's text), then the group's
 * validator, the worker's own, so a file is refused with the words the form and the worker use,
 * prefixed with the path: 'hp.lr must be a finite number > 0, got -1'.
 */
import { rangeText, type Limit, type LimitValue } from '../core/limits.ts';
import { entriesOf, type Schema } from './define.ts';
import { Invalid, number, numbers, object, req, shown } from './untrusted.ts';

/** One entry's value with its type checked (the range is the group validator's). */
function typed(limit: Limit, v: unknown, path: string): LimitValue {
  switch (limit.kind) {
    case 'numbers':
      return numbers(v, path, limit.maxLength, number);
    case 'choice':
      if (typeof v === 'string') return v;
      throw new Invalid(`${path} must be ${rangeText(limit)}, got ${shown(v)}`);
    default:
      return number(v, path);
  }
}

/**
 * The group `key` of a schema read from `v`: a fresh object of exactly its entries, in schema
 * order. Throws Invalid at the first problem.
 */
export function readGroup(
  schema: Schema<object>,
  key: string,
  v: unknown,
): Record<string, LimitValue> {
  const group = schema.groups.find((g) => g.key === key);
  if (!group) throw new Error(`no settings group ${key}`);
  const o = object(v, key);
  const values: Record<string, LimitValue> = {};
  for (const e of entriesOf(schema, key)) values[e.key] = typed(e.limit, ...req(o, e.key, key));
  const error = group.errors(values)[0];
  if (error) throw new Invalid(`${key}.${error.message}`);
  return values;
}
