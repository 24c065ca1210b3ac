import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole } from '../../src/shared/actor';
import { createTestServer } from '../support/test-server';

/**
 * The README's "A project, step by step", run as written against a fresh server (no
 * programme, no plan): the shell block is read from README.md and each of its lines done
 * here the way a shell would: `X=$(npm run -s token -- …)` signs the token that command signs,
 * `curl` sends its request, `ID=$(curl … | sed …)` keeps the id it answers. Every request must
 * succeed, so the README cannot drift from the server.
 */

const server = createTestServer({ planYears: [] });
beforeAll(() => server.start());
afterAll(() => server.close());

function walkthrough(): string {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### A project, step by step'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md has no shell block under "A project, step by step"');
  return block[1];
}

type Token = { readonly text: string; readonly quoted: boolean };

/** Splits shell text into commands of words: quotes, `\` line continuations, `$VAR`, `$( … )`, comments. */
function commands(script: string): Token[][] {
  const all: Token[][] = [];
  let words: Token[] = [];
  let word = '';
  let quoted = false;
  let inWord = false;
  const end = () => {
    if (inWord) words.push({ text: word, quoted });
    word = '';
    quoted = false;
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && script[i + 1] === '\n') {
      i += 1;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      word += script.slice(i + 1, close);
      i = close;
      quoted = inWord = true;
    } else if (c === '"') {
      const close = script.indexOf('"', i + 1);
      word += script.slice(i + 1, close);
      i = close;
      quoted = inWord = true;
    } else if (c === '$' && script[i + 1] === '(') {
      // A command substitution: kept whole, as one word, for the caller to run.
      let depth = 0;
      let j = i + 1;
      for (; j < script.length; j++) {
        if (script[j] === "'") j = script.indexOf("'", j + 1);
        else if (script[j] === '(') depth += 1;
        else if (script[j] === ')' && --depth === 0) break;
      }
      word += script.slice(i, j + 1);
      i = j;
      inWord = true;
    } else if (c === '#' && !inWord) {
      i = script.indexOf('\n', i) - 1;
    } else if (c === ' ' || c === '\t') {
      end();
    } else if (c === '\n') {
      end();
      if (words.length > 0) all.push(words);
      words = [];
    } else {
      word += c;
      inWord = true;
    }
  }
  end();
  if (words.length > 0) all.push(words);
  return all;
}

const variables = new Map<string, string>();
const expand = (text: string) =>
  text.replace(/\$([A-Z_][A-Z0-9_]*)/g, (_, name: string) => {
    const value = variables.get(name);
    if (value === undefined) throw new Error(`$${name} is used before it is set`);
    return value;
  });

/** `npm run -s token -- --role … --sub …`: the token the CLI signs, with the server's secret. */
async function token(words: readonly string[]): Promise<string> {
  expect(words.slice(0, 5)).toEqual(['npm', 'run', '-s', 'token', '--']);
  const { values } = parseArgs({
    args: words.slice(5),
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      district: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!isRole(values.role)) throw new Error(`unknown role ${values.role}`);
  return server.token(values.role, {
    sub: values.sub,
    name: values.name,
    ...(values.district !== undefined && { district: values.district }),
  });
}

interface Sent {
  readonly status: number;
  readonly body: { readonly id?: string; readonly position?: string };
}

/** `curl -s [-X METHOD] URL [-H 'Name: value']… [-d 'body']`, sent to the test server. */
async function curl(words: readonly string[]): Promise<Sent> {
  let method = 'GET';
  let url: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === '-s') continue;
    else if (word === '-X') method = words[++i];
    else if (word === '-H') {
      const [name, ...value] = words[++i].split(':');
      headers[name.trim().toLowerCase()] = value.join(':').trim();
    } else if (word === '-d') {
      body = words[++i];
      if (method === 'GET') method = 'POST';
    } else if (url === undefined) url = word;
    else throw new Error(`curl: unexpected ${word}`);
  }
  if (url === undefined) throw new Error('curl without a URL');
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

it('works as written on a fresh server', async () => {
  const answers: { command: string; status: number }[] = [];
  let lastPosition = '0';
  for (const tokens of commands(walkthrough())) {
    const [first, ...rest] = tokens;
    const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/s.exec(first.text);
    if (assignment && rest.length === 0) {
      const [, name, value] = assignment;
      const substitution = /^\$\(([\s\S]*)\)$/.exec(value);
      if (!substitution) {
        // API=http://localhost:3000/api/v1 points at the test server instead.
        variables.set(name, value.replace('http://localhost:3000', server.baseUrl));
        continue;
      }
      const [command, pipe] = substitution[1].split(/\|\s*sed /);
      const words = commands(command)[0].map((w) => expand(w.text));
      if (words[0] === 'npm') variables.set(name, await token(words));
      else {
        const sent = await curl(words);
        answers.push({ command: words.slice(0, 4).join(' '), status: sent.status });
        // `| sed … "id":"…"` keeps the id of the answer.
        expect(pipe).toContain('"id"');
        variables.set(name, String(sent.body.id));
      }
      continue;
    }
    const words = tokens.map((w) => expand(w.text));
    expect(words[0]).toBe('curl');
    const sent = await curl(words);
    answers.push({ command: words.slice(0, 4).join(' '), status: sent.status });
    if (typeof sent.body?.position === 'string') lastPosition = sent.body.position;
  }
  // Every request succeeded; the last ones read what the approval left.
  expect(answers.filter((a) => a.status >= 300)).toEqual([]);
  expect(answers.length).toBeGreaterThanOrEqual(9);
  // Read once the read models hold the last command (a reader a moment later sees the same).
  const after = `minPosition=${lastPosition}`;
  const actions = await fetch(`${server.apiUrl}/projects/${variables.get('ID')}/actions?${after}`, {
    headers: { authorization: `Bearer ${variables.get('C')}` },
  });
  const { items } = (await actions.json()) as { items: { action: string }[] };
  expect(items.map((a) => a.action)).toContain('start_execution');
});
