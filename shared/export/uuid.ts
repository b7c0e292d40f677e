import { strToU8 } from 'fflate';
import { sha1 } from './sha1.ts';

/**
 * Name-based UUIDs (version 5, RFC 9562 §5.5): the same name always gives the same UUID, so a
 * REFI-QDA export of the same dataset is byte-for-byte reproducible and a re-export keeps the GUIDs
 * a QDA program already knows.
 */

/** The namespace of every casebench GUID: uuidV5('urn:casebench', URL_NAMESPACE) (checked in uuid.test.ts). */
export const CASEBENCH_NAMESPACE = '7e2508e7-aae1-59b6-b606-e25848517021';
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

export function uuidV5(name: string, namespace: string = CASEBENCH_NAMESPACE): string {
  const ns = namespaceBytes(namespace);
  const nameBytes = strToU8(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(ns);
  input.set(nameBytes, 16);
  const hash = sha1(input);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC variant
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[hash[i]!];
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const namespaces = new Map<string, Uint8Array>();

function namespaceBytes(uuid: string): Uint8Array {
  let bytes = namespaces.get(uuid);
  if (bytes) return bytes;
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a UUID: ${uuid}`);
  bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  namespaces.set(uuid, bytes);
  return bytes;
}

/** The GUID pattern of the REFI-QDA schema (GUIDType): plain or in braces. */
export const REFI_GUID = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
