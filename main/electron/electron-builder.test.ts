import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/**
 * electron-builder cannot run here (no Electron binary to package), so its configuration is
 * checked against the JSON schema electron-builder ships, and against what the build produces.
 */
describe('electron-builder.yml', () => {
  const config = loadYaml(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));

  it('is valid against electron-builder’s schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The check has teeth: a misspelt option or a wrong type is caught.
    expect(validate({ ...config, linx: {} })).toBe(false);
    expect(validate({ ...config, nsis: { oneClick: 'no' } })).toBe(false);
  });

  it('builds the three platforms’ installers the brief asks for', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('packs the built app, the bundled corpus and an icon that exists', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'seeds/**', 'package.json']));
    expect((config.extraMetadata as { main: string }).main).toBe('out/main/index.js');
    const png = readFileSync(join(ROOT, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: electron-builder needs ≥ 512 for macOS
  });
});
