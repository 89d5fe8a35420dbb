// Query parameters parsed at the boundary: each parser returns a typed value or throws a 400
// that names the parameter. Unknown parameters are refused too, so a typo (`asof`) is not
// silently ignored.
import type { Context } from 'hono';
import { ENTITY_TYPES, EVENT_TYPES, LIFE_TYPES, RELATION_TYPES } from '../model/types.js';
import { badParameter } from './errors.js';

export const FACT_TYPES: readonly string[] = [...RELATION_TYPES, ...EVENT_TYPES, ...LIFE_TYPES];

export class Query {
  private readonly values: Record<string, string[]>;
  constructor(c: Context, allowed: readonly string[]) {
    this.values = c.req.queries() as Record<string, string[]>;
    for (const name of Object.keys(this.values)) {
      if (!allowed.includes(name)) {
        throw badParameter(name, allowed.length ? `unknown parameter (this route takes ${allowed.join(', ')})` : 'unknown parameter (this route takes none)');
      }
    }
  }

  string(name: string): string | undefined {
    const all = this.values[name];
    if (!all) return undefined;
    if (all.length > 1) throw badParameter(name, 'given more than once');
    const v = all[0]!.trim();
    if (v.length > 500) throw badParameter(name, 'longer than 500 characters');
    return v === '' ? undefined : v;
  }

  required(name: string): string {
    const v = this.string(name);
    if (v === undefined) throw badParameter(name, 'required');
    return v;
  }

  int(name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
    const v = this.string(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) throw badParameter(name, `not a whole number: "${v}"`);
    const n = Number(v);
    if (n < min || n > max) throw badParameter(name, `must be between ${min} and ${max}`);
    return n;
  }

  /** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
  date(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
    if (!m) throw badParameter(name, `not a date: "${v}" (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
    const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      throw badParameter(name, `not a real date: "${v}"`);
    }
    return v;
  }

  oneOf(name: string, choices: readonly string[]): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const hit = choices.find((c) => c.toLowerCase() === v.toLowerCase());
    if (!hit) throw badParameter(name, `unknown value "${v}" (one of ${choices.join(', ')})`);
    return hit;
  }

  entityType(name: string): string | undefined {
    return this.oneOf(name, ENTITY_TYPES);
  }

  factType(name: string): string | undefined {
    return this.oneOf(name, FACT_TYPES);
  }
}

/** `from` must not come after `to` when both are given. */
export function checkOrder(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw badParameter('from', `${from} is after to=${to}`);
}
