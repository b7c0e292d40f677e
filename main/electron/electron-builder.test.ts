import { readdirSync, readFileSync } from 'node:fs';
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

  // Fuses are flipped in the Electron binary when it is packed (and signed after): the shipped
  // app cannot be run as plain Node, given NODE_OPTIONS or --inspect, or made to load code from
  // outside its checked archive.
  it('sets the Electron fuses that close the binary to other uses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    // Asar integrity and onlyLoadAppFromAsar need the app in an archive (with the hash electron-builder embeds).
    expect(config.asar).toBe(true);
  });

  it('builds the three platforms’ installers the brief asks for', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  // What app-builder-lib's FpmTarget checks before it builds a .deb (a schema-valid file can
  // still fail there): a project homepage, and a maintainer or an author with an email.
  it('has the metadata the .deb target requires', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage?: string; repository?: unknown; author?: { name?: string; email?: string } | string };
    expect(pkg.homepage ?? pkg.repository).toBeTruthy();
    const maintainer = (config.linux as { maintainer?: string }).maintainer;
    expect(maintainer ?? (typeof pkg.author === 'object' ? pkg.author.email : undefined)).toMatch(/@/);
  });

  it('keeps PDF.js’ CMaps and standard fonts out of the archive, where the PDF reader finds them', () => {
    const unpacked = config.asarUnpack as string[];
    for (const dir of ['cmaps', 'standard_fonts']) {
      expect(unpacked).toContain(`node_modules/pdfjs-dist/${dir}/**`);
      // The folders exist where the pattern points (a renamed folder would ship nothing).
      expect(readdirSync(join(ROOT, 'node_modules/pdfjs-dist', dir)).length).toBeGreaterThan(10);
    }
  });

  it('packs the built app, the bundled corpus and an icon that exists', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'seeds/**', 'package.json']));
    expect((config.extraMetadata as { main: string }).main).toBe('out/main/index.js');
    const png = readFileSync(join(ROOT, 'build/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: electron-builder needs ≥ 512 for macOS
  });
});
