// oxlint-disable-next-line no-restricted-imports -- the schema check runs libxml2's xmllint
import { execFileSync, spawnSync } from 'node:child_process';

/**
 * libxml2's xmllint (Debian's libxml2-utils), the validator the REFI-QDA check runs. Missing, it
 * is an error that says how to install it: a schema check that quietly passes without its
 * validator would prove nothing.
 */
export function requireXmllint(): string {
  const found = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('xmllint is needed to validate against the REFI-QDA schema and was not found: apt-get install -y libxml2-utils (.ci/run installs it)');
  }
  return 'xmllint';
}

/** xmllint's verdict on an XML document against an XSD: null when valid, else its messages. */
export function schemaErrors(xml: string | Uint8Array, xsdPath: string): string | null {
  const result = spawnSync(requireXmllint(), ['--noout', '--nonet', '--schema', xsdPath, '-'], { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return null;
  return (result.stderr || result.stdout || `xmllint exited with ${result.status}`).trim();
}

/** Whether the schema itself loads (a broken copy would make every document "invalid"). */
export function schemaLoads(xsdPath: string): boolean {
  try {
    execFileSync(requireXmllint(), ['--noout', '--nonet', '--schema', xsdPath, '-'], { input: '<x/>', stdio: ['pipe', 'ignore', 'pipe'] });
    return true;
  } catch (e) {
    return !String((e as { stderr?: Buffer }).stderr ?? '').includes('failed to compile');
  }
}
