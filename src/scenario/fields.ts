// The fields a zod schema takes at a path of some data: what "did you mean" chooses from when the
// data has an unknown field. zod's issue names the unknown keys, not the known ones.
import type {z} from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as {_zod: {def: Def}})._zod.def;

/** The field names of the object schema at `path` in `data`; [] when there is none to tell. */
export function fieldsAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  let d = data;
  for (const seg of path) {
    s = s && child(unwrap(s, d), seg);
    d = typeof d === 'object' && d !== null ? (d as Record<PropertyKey, unknown>)[seg] : undefined;
    if (!s) return [];
  }
  const object = unwrap(s!, d);
  return object && defOf(object).type === 'object' ? Object.keys(defOf(object).shape!) : [];
}

/** The value at `path` in `data`. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((d, seg) => (typeof d === 'object' && d !== null ? (d as Record<PropertyKey, unknown>)[seg] : undefined), data);
}

/** Past defaults, optionals and transforms; a discriminated union to the option `data` names. */
function unwrap(schema: z.ZodType, data: unknown): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  while (s) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union') s = def.discriminator === undefined ? undefined : option(def, data);
    else return s;
  }
  return undefined;
}

function option(union: Def, data: unknown): z.ZodType | undefined {
  const tag = valueAt(data, [union.discriminator!]);
  return union.options!.find((o) => {
    const literal = defOf(o).shape?.[union.discriminator!];
    return literal !== undefined && (defOf(literal).values ?? []).includes(tag);
  });
}

function child(s: z.ZodType | undefined, seg: PropertyKey): z.ZodType | undefined {
  if (!s) return undefined;
  const def = defOf(s);
  if (def.type === 'object') return def.shape![String(seg)];
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  return undefined;
}
