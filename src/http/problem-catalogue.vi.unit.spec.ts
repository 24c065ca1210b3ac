import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as classValidator from 'class-validator';
import * as ts from 'typescript';
import { DomainError, ruleBroken } from '../shared/domain-error';
import { preferredProblemLanguage } from './accept-language';
import { CONSTRAINTS, DETAILS } from './problem-catalogue.vi';
import { problemFor, ValidationProblem } from './problem-details';

/**
 * Every code and every constraint the source can answer with has its Vietnamese words: the
 * source is read (TypeScript's own parser), so a new code without an entry fails here.
 */

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

/** Where each error maker takes its code (the index of the argument). */
const CODE_ARGUMENT: Readonly<Record<string, number>> = {
  ruleBroken: 0,
  invalidState: 0,
  DomainError: 0,
  NotFoundError: 0,
  ForbiddenError: 0,
  ApplicationError: 1,
  UnauthorizedProblem: 1,
  ForbiddenProblem: 1,
  NotFoundProblem: 1,
  ServiceUnavailableProblem: 2,
};

interface Site {
  readonly where: string;
  readonly code: string;
}

function where(file: (typeof FILES)[number], node: ts.Node): string {
  const { line } = file.source.getLineAndCharacterOfPosition(node.getStart());
  return `${file.path}:${line + 1}`;
}

/** The names a file imports from our own modules, and the file (relative to src/) each is from. */
function importsOf(file: (typeof FILES)[number]): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of file.source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const specifier = literal(statement.moduleSpecifier);
    const bindings = statement.importClause?.namedBindings;
    if (specifier === undefined || !specifier.startsWith('.') || !bindings) continue;
    if (!ts.isNamedImports(bindings)) continue;
    const target = relative(SRC, join(SRC, dirname(file.path), `${specifier}.ts`));
    for (const element of bindings.elements) names.set(element.name.text, target);
  }
  return names;
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The function declaring `name` as a parameter around `node`, and its index there. */
function forwardingParameter(
  node: ts.Node,
  name: string,
): { readonly fn: string; readonly index: number } | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) || ts.isArrowFunction(at) || ts.isFunctionExpression(at)) {
      const index = at.parameters.findIndex((p) => p.name.getText() === name);
      if (index < 0) continue;
      const fn =
        at.name?.getText() ??
        (ts.isVariableDeclaration(at.parent) ? at.parent.name.getText() : undefined);
      return fn === undefined ? undefined : { fn, index };
    }
  }
  return undefined;
}

/** Every code the source gives, and the sites whose code this scan cannot see. */
function scanCodes(): { codes: Site[]; unseen: string[] } {
  const codes: Site[] = [];
  const unseen: string[] = [];
  // Functions that take a code and pass it on (requireNotBefore's `code`): their callers' literals.
  const forwarders = new Map<string, number>();

  const visitMakers = (file: (typeof FILES)[number]) => {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = calleeName(node);
        const index = name !== undefined ? CODE_ARGUMENT[name] : undefined;
        const arg = index !== undefined ? node.arguments?.[index] : undefined;
        if (arg !== undefined) {
          const code = literal(arg);
          if (code !== undefined) codes.push({ where: where(file, node), code });
          else if (ts.isIdentifier(arg)) {
            const forward = forwardingParameter(node, arg.text);
            if (forward) forwarders.set(`${file.path}#${forward.fn}`, forward.index);
            else unseen.push(where(file, node));
          } else unseen.push(where(file, node));
        }
        // super('rule_broken', 'code', …) in an ApplicationError.
        if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
          const code = literal(node.arguments?.[1]);
          if (literal(node.arguments?.[0]) !== undefined && code !== undefined)
            codes.push({ where: where(file, node), code });
        }
      }
      // `code: 'rate_limited'` in problem options and tables of src/http and src/auth.
      if (
        ts.isPropertyAssignment(node) &&
        node.name.getText() === 'code' &&
        /^(http|auth|projections|reminders\/http)\//.test(file.path)
      ) {
        const code = literal(node.initializer);
        if (code !== undefined) codes.push({ where: where(file, node), code });
      }
      // `code = 'unauthenticated'`: a problem's default code.
      if (ts.isParameter(node) && node.name.getText() === 'code') {
        const code = literal(node.initializer);
        if (code !== undefined) codes.push({ where: where(file, node), code });
      }
      ts.forEachChild(node, visit);
    };
    visit(file.source);
  };
  FILES.forEach(visitMakers);

  const visitForwarders = (file: (typeof FILES)[number]) => {
    const imported = importsOf(file);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        // The function called is the forwarder only if it is the one of its file.
        const from = name !== undefined ? (imported.get(name) ?? file.path) : undefined;
        const index = from !== undefined ? forwarders.get(`${from}#${name}`) : undefined;
        const arg = index !== undefined ? node.arguments[index] : undefined;
        if (index !== undefined) {
          const code = literal(arg);
          if (code !== undefined) codes.push({ where: where(file, node), code });
          else if (arg === undefined || !ts.isIdentifier(arg)) unseen.push(where(file, node));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file.source);
  };
  FILES.forEach(visitForwarders);
  return { codes, unseen };
}

/** Every constraint a field error can name: class-validator's decorators in use, and ours. */
function scanConstraints(): Site[] {
  const sites: Site[] = [];
  const constants = classValidator as unknown as Record<string, unknown>;
  const NOT_CONSTRAINTS = new Set(['IsOptional', 'ValidateIf', 'ValidateBy', 'buildMessage']);
  for (const file of FILES) {
    const visit = (node: ts.Node): void => {
      // import { IsInt, MaxLength } from 'class-validator' → isInt, maxLength (its own constants).
      if (
        ts.isImportDeclaration(node) &&
        literal(node.moduleSpecifier) === 'class-validator' &&
        node.importClause?.namedBindings &&
        ts.isNamedImports(node.importClause.namedBindings)
      ) {
        for (const element of node.importClause.namedBindings.elements) {
          const name = element.name.text;
          if (element.isTypeOnly || NOT_CONSTRAINTS.has(name) || !/^[A-Z]/.test(name)) continue;
          const constant =
            name === 'ValidateNested'
              ? 'nestedValidation'
              : constants[name.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase()];
          sites.push({ where: `${where(file, node)} ${name}`, code: String(constant) });
        }
      }
      // validatorOf('isVnd', …) and `constraint: 'isInt'` given by hand.
      if (ts.isCallExpression(node) && calleeName(node) === 'validatorOf') {
        const name = literal(node.arguments[0]);
        if (name !== undefined) sites.push({ where: where(file, node), code: name });
      }
      if (ts.isPropertyAssignment(node) && node.name.getText() === 'constraint') {
        const name = literal(node.initializer);
        if (name !== undefined) sites.push({ where: where(file, node), code: name });
      }
      if (ts.isCallExpression(node) && calleeName(node) === 'invalidHeader') {
        const name = literal(node.arguments[2]);
        if (name !== undefined) sites.push({ where: where(file, node), code: name });
      }
      ts.forEachChild(node, visit);
    };
    visit(file.source);
  }
  // Unions of our own constraint names (json-structure's StructureConstraint).
  for (const file of FILES) {
    const visit = (node: ts.Node): void => {
      if (ts.isTypeAliasDeclaration(node) && node.name.text.endsWith('Constraint')) {
        for (const member of ts.isUnionTypeNode(node.type) ? node.type.types : [node.type]) {
          if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal))
            sites.push({ where: where(file, node), code: member.literal.text });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file.source);
  }
  // forbidNonWhitelisted: class-validator's own name for an unknown property.
  sites.push({ where: 'validation.ts (forbidNonWhitelisted)', code: 'whitelistValidation' });
  return sites;
}

function literal(node: ts.Node | undefined): string | undefined {
  return node !== undefined && ts.isStringLiteralLike(node) ? node.text : undefined;
}

const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

describe('the Vietnamese problem catalogue', () => {
  const { codes, unseen } = scanCodes();

  it('sees the code of every place the source refuses something', () => {
    expect(unseen).toEqual([]);
    // The scan finds the codes it must (a broken scan would pass every test below).
    const found = new Set(codes.map((c) => c.code));
    for (const code of [
      'advance_cap_exceeded',
      'date_before_approval',
      'as_of_in_future',
      'version_mismatch',
      'rate_limited',
      'unauthenticated',
      'no_plan_for_year',
      'duplicate_key',
    ])
      expect(found).toContain(code);
  });

  it('has Vietnamese words for every code the source gives', () => {
    const missing = codes.filter((c) => DETAILS[c.code] === undefined);
    expect(missing).toEqual([]);
  });

  it('has Vietnamese words for every constraint a field can break', () => {
    const constraints = scanConstraints();
    expect(constraints.map((c) => c.code)).toEqual(
      expect.arrayContaining(['isInt', 'maxLength', 'isVnd', 'headerOnce', 'maxNodes']),
    );
    expect(constraints.filter((c) => CONSTRAINTS[c.code] === undefined)).toEqual([]);
  });

  it('writes every detail in Vietnamese, with diacritics', () => {
    const params = {
      amountVnd: 1_234_567,
      requestedVnd: 1_000_000,
      date: '2024-06-15',
      today: '2024-06-14',
      bound: '2024-07-01',
      status: 'registered',
      allowed: ['appraised'],
      part: 'appraiser',
      decision: 'approve',
      roles: ['approver'],
    };
    for (const [code, detail] of Object.entries(DETAILS)) {
      const text = detail({ field: 'amountVnd', p: params });
      expect({ code, vietnamese: VIETNAMESE.test(text) }).toEqual({ code, vietnamese: true });
    }
  });

  it('writes money as 1.234.567 đ and dates as dd/MM/yyyy', () => {
    const { problem } = problemFor(
      ruleBroken('appraised_exceeds_requested', 'appraisedFundingVnd 1234567 is above…', 'x', {
        amountVnd: 1_234_567,
        requestedVnd: 1_000_000,
      }),
      undefined,
      'vi',
    );
    expect(problem.detail).toBe('Kinh phí thẩm định 1.234.567 đ vượt kinh phí đề nghị 1.000.000 đ');
    const date = problemFor(
      ruleBroken('date_in_future', 'paidOn 2024-06-16 is after today 2024-06-15', 'paidOn', {
        date: '2024-06-16',
        today: '2024-06-15',
      }),
      undefined,
      'vi',
    ).problem;
    expect(date.detail).toBe('paidOn: ngày 16/06/2024 sau ngày hôm nay (15/06/2024)');
    expect(date.errors).toEqual([{ field: 'paidOn', message: date.detail }]);
  });

  it('keeps type, status, code and fields, and translates the rest', () => {
    const error = new DomainError(
      'invalid_transition',
      'Cannot approve…',
      'invalid_state',
      undefined,
      {
        status: 'registered',
        allowed: ['appraised'],
      },
    );
    const english = problemFor(error, '/api/v1/projects/p').problem;
    const vietnamese = problemFor(error, '/api/v1/projects/p', 'vi').problem;
    expect(vietnamese).toEqual({
      ...english,
      title: 'Bước này không thực hiện được ở trạng thái hiện tại',
      detail: 'Không thực hiện được bước này khi đề án đã đăng ký (chỉ khi đã thẩm định)',
    });
  });

  it('translates validation messages by constraint, keeping the field name and the limits', () => {
    const { problem: vi } = problemFor(
      new ValidationProblem([
        {
          field: 'notes',
          message: 'notes must be shorter than or equal to 2000 characters',
          constraint: 'maxLength',
        },
        {
          field: 'targets[0].target',
          message: 'target must not be less than 1',
          constraint: 'min',
        },
        { field: 'planYear', message: 'planYear must be an integer number', constraint: 'isInt' },
        {
          field: 'kind',
          message: 'kind must be one of the following values: advance, payment',
          constraint: 'isIn',
        },
      ]),
      undefined,
      'vi',
    );
    expect(vi).toMatchObject({
      title: 'Dữ liệu không hợp lệ',
      code: 'validation_failed',
      errors: [
        { field: 'notes', message: 'notes dài tối đa 2.000 ký tự' },
        { field: 'targets[0].target', message: 'targets[0].target không được nhỏ hơn 1' },
        { field: 'planYear', message: 'planYear phải là số nguyên' },
        { field: 'kind', message: 'kind phải là một trong các giá trị: advance, payment' },
      ],
    });
  });
});

describe('preferredProblemLanguage', () => {
  it.each<[string | undefined, 'en' | 'vi']>([
    [undefined, 'en'],
    ['', 'en'],
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['VI-vn,vi;q=0.9', 'vi'],
    ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['en;q=0.5,vi;q=0.8', 'vi'],
    ['fr, vi', 'en'],
    ['vi;q=0', 'en'],
    ['video', 'en'],
  ])('%s → %s', (header, language) => {
    expect(preferredProblemLanguage(header)).toBe(language);
  });
});
