import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportDataset } from '../index.ts';
import { awkwardDataset, seedDataset } from './datasets.fixture.ts';
import { requireXmllint, schemaErrors, schemaLoads } from './xmllint.fixture.ts';

/** casebench's project.qde against the REFI-QDA Project schema (vendored), validated by libxml2. */
const XSD = fileURLToPath(new URL('../formats/vendor/refi-qda/Project.xsd', import.meta.url));

const projectOf = (dataset: ReturnType<typeof seedDataset>) => {
  const zip = unzipSync(exportDataset(dataset, 'qdpx').files[0]!.data as Uint8Array);
  return zip['project.qde']!;
};

describe('REFI-QDA schema check', () => {
  it('has its validator and a schema that compiles', () => {
    expect(requireXmllint()).toBe('xmllint');
    expect(schemaLoads(XSD)).toBe(true);
  });

  it.each([
    ['the seeds, three reviewers with outlines', seedDataset],
    ['𠀀, 😀, line separators and overlaps', awkwardDataset],
  ])('project.qde of %s is valid against Project.xsd', (_name, dataset) => {
    expect(schemaErrors(projectOf(dataset()), XSD)).toBeNull();
  });

  it('rejects a project the schema does not allow, so a pass means something', () => {
    const broken = new TextDecoder().decode(projectOf(awkwardDataset())).replace(/ guid="[^"]+"/, ' guid="not-a-guid"');
    expect(schemaErrors(broken, XSD)).toMatch(/guid.*not-a-guid|GUIDType/);
  });
});
