import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARRAY_MAX_SIZE, getMetadataStorage, MAX_LENGTH } from 'class-validator';
import { loadSettings } from '../config/settings';

/**
 * The structure check runs before the validators: a limit below what a DTO takes would
 * refuse valid requests. The lowest values the settings accept must hold every
 * @ArrayMaxSize and @MaxLength of every DTO.
 */

function loadAllDtos(): void {
  const src = join(__dirname, '..');
  for (const area of readdirSync(src)) {
    const dir = join(src, area, 'dto');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files)
      if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
        // Loading the module runs its decorators, which register the constraints.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(join(dir, file));
      }
  }
}

/** Every constraint of one kind, as [DTO.property, its limit]. */
function constraints(name: string): [string, number][] {
  // class-validator keeps its metadata in a private map; this spec only reads it.
  const all = (
    getMetadataStorage() as unknown as {
      validationMetadatas: Map<
        { readonly name: string },
        { name?: string; propertyName: string; constraints: unknown[] }[]
      >;
    }
  ).validationMetadatas;
  const found: [string, number][] = [];
  for (const [target, metadatas] of all)
    for (const metadata of metadatas)
      if (metadata.name === name)
        found.push([`${target.name}.${metadata.propertyName}`, Number(metadata.constraints[0])]);
  return found;
}

describe('the lowest JSON body limits the settings accept', () => {
  loadAllDtos();
  const lowest = () => {
    return loadSettings({
      AUTH_JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
      BODY_MAX_ARRAY_ITEMS: '1000',
      BODY_MAX_NODES: '5000',
      BODY_MAX_STRING_LENGTH: '5000',
    }).jsonLimits;
  };

  it('take as many items as any DTO array may hold', () => {
    const arrays = constraints(ARRAY_MAX_SIZE);
    expect(arrays.length).toBeGreaterThan(3);
    const over = arrays.filter(([, max]) => max > lowest().maxArrayItems);
    expect(over).toEqual([]);
  });

  it('take as many characters as any DTO text may hold', () => {
    const texts = constraints(MAX_LENGTH);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.filter(([, max]) => max > lowest().maxStringLength)).toEqual([]);
  });
});
