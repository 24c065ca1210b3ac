import { visit, type JSONPath } from 'jsonc-parser';

/**
 * The structure of a JSON body, checked on its text before it is parsed, so that a body the
 * engine will refuse anyway costs a scan of its first bytes, not a parse and a validation of
 * every nested item (issue 9: four bodies of 25,000 targets used to hold /health for seconds).
 *
 * The scan is jsonc-parser's `visit` (Microsoft's scanner behind VS Code, with comments and
 * trailing commas refused), stopped by a throw at the first value past a limit: it never
 * looks further, and never recurses deeper than MAX_BODY_DEPTH. It also sees what JSON.parse
 * hides: a key given twice (JSON.parse keeps the last one silently; no setting of it or of
 * secure-json-parse reports it) and `__proto__` / `constructor.prototype`, which are named.
 */

/** Our bodies nest three levels at most; anything far deeper is refused before it is walked. */
export const MAX_BODY_DEPTH = 32;

export interface JsonBodyLimits {
  /** Items in any one array (BODY_MAX_ARRAY_ITEMS). */
  readonly maxArrayItems: number;
  /** Values in the whole body: objects, arrays, strings, numbers, booleans, nulls (BODY_MAX_NODES). */
  readonly maxNodes: number;
  /** Characters in any one string, keys included (BODY_MAX_STRING_LENGTH). */
  readonly maxStringLength: number;
}

/**
 * Why a body is refused: `limit` is a 413 (too much), `key` a 400 naming the key, `shape` a
 * 400 (too deep, not Unicode), `invalid` means the text is not JSON at all and the JSON
 * parser is to say so in its own words.
 */
export type StructureRefusal =
  | {
      readonly kind: 'limit' | 'shape';
      readonly field: string;
      readonly message: string;
      /** The rule broken and the limit it set, for the problem catalogues. */
      readonly constraint: StructureConstraint;
      readonly max?: number;
    }
  | {
      readonly kind: 'key';
      readonly code: 'duplicate_key' | 'key_not_allowed';
      readonly field: string;
      readonly message: string;
      readonly constraint: StructureConstraint;
    }
  | { readonly kind: 'invalid' };

export type StructureConstraint =
  | 'maxNodes'
  | 'maxArrayItems'
  | 'maxStringLength'
  | 'wellFormedUnicode'
  | 'maxDepth'
  | 'keyNotAllowed'
  | 'duplicateKey';

/** Thrown out of the visitor to stop the scan where the refusal was found. */
class Stop {
  constructor(readonly refusal: StructureRefusal) {}
}

/** `targets[3].indicator`, as the validation problems name fields; `body` for the whole. */
export function fieldOf(path: JSONPath): string {
  let field = '';
  for (const segment of path)
    field += typeof segment === 'number' ? `[${segment}]` : field === '' ? segment : `.${segment}`;
  return field === '' ? 'body' : field;
}

interface OpenValue {
  /** The keys seen so far, for an object; undefined for an array. */
  readonly keys?: Set<string>;
  items: number;
}

export function structureRefusal(
  text: string,
  limits: JsonBodyLimits,
): StructureRefusal | undefined {
  const open: OpenValue[] = [];
  let nodes = 0;
  const stop = (refusal: StructureRefusal): never => {
    throw new Stop(refusal);
  };
  const limit = (
    path: JSONPath,
    phrase: string,
    constraint: StructureConstraint,
    max: number,
  ) =>
    stop({
      kind: 'limit',
      field: fieldOf(path),
      message: `${fieldOf(path)} ${phrase}`,
      constraint,
      max,
    });

  const value = (path: () => JSONPath): void => {
    nodes += 1;
    if (nodes > limits.maxNodes)
      limit(
        path().slice(0, 1),
        `takes the body past ${limits.maxNodes} values, the most it may hold`,
        'maxNodes',
        limits.maxNodes,
      );
    const parent = open[open.length - 1];
    if (parent !== undefined && parent.keys === undefined) {
      parent.items += 1;
      if (parent.items > limits.maxArrayItems)
        limit(
          path().slice(0, -1),
          `has more than ${limits.maxArrayItems} items, the most an array may have`,
          'maxArrayItems',
          limits.maxArrayItems,
        );
    }
  };
  const checkString = (s: string, path: () => JSONPath, what: 'key' | 'text'): void => {
    if (s.length > limits.maxStringLength)
      limit(
        path(),
        `has a ${what} longer than ${limits.maxStringLength} characters, the most one may have`,
        'maxStringLength',
        limits.maxStringLength,
      );
    if (!s.isWellFormed())
      stop({
        kind: 'shape',
        field: fieldOf(path()),
        message: `The body holds a ${what} that is not valid Unicode (a lone surrogate)`,
        constraint: 'wellFormedUnicode',
      });
  };
  const begin = (keys: Set<string> | undefined, path: () => JSONPath): void => {
    value(path);
    if (open.length >= MAX_BODY_DEPTH)
      stop({
        kind: 'shape',
        field: 'body',
        message: `The body nests deeper than ${MAX_BODY_DEPTH} levels`,
        constraint: 'maxDepth',
        max: MAX_BODY_DEPTH,
      });
    open.push({ keys, items: 0 });
  };
  const key = (name: string, path: () => JSONPath): void => {
    const within = path();
    const field = () => fieldOf([...within, name]);
    checkString(name, () => [...within, name], 'key');
    if (
      name === '__proto__' ||
      (name === 'prototype' && within[within.length - 1] === 'constructor')
    )
      stop({
        kind: 'key',
        code: 'key_not_allowed',
        field: field(),
        message: `The key "${name}" is not allowed`,
        constraint: 'keyNotAllowed',
      });
    const keys = open[open.length - 1].keys!;
    if (keys.has(name))
      stop({
        kind: 'key',
        code: 'duplicate_key',
        field: field(),
        message: `The key "${name}" is given more than once`,
        constraint: 'duplicateKey',
      });
    keys.add(name);
  };

  try {
    visit(
      // The JSON parser ignores a leading byte order mark; so does the scan, or it would
      // stop at once and let a huge body past unchecked.
      text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      {
        onObjectBegin: (_offset, _length, _line, _column, path) => begin(new Set(), path),
        onArrayBegin: (_offset, _length, _line, _column, path) => begin(undefined, path),
        onObjectEnd: () => void open.pop(),
        onArrayEnd: () => void open.pop(),
        onObjectProperty: (name, _offset, _length, _line, _column, path) => key(name, path),
        onLiteralValue: (literal: unknown, _offset, _length, _line, _column, path) => {
          value(path);
          if (typeof literal === 'string') checkString(literal, path, 'text');
        },
        onError: () => stop({ kind: 'invalid' }),
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (error instanceof Stop) return error.refusal;
    throw error;
  }
  return undefined;
}
