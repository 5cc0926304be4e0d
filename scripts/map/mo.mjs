// Reads a GNU gettext .mo catalogue (iso-codes' translations) into a Map msgid -> msgstr.

import { readFileSync } from 'node:fs';

export function readMo(file) {
  const buf = readFileSync(file);
  const magic = buf.readUInt32LE(0);
  const read = magic === 0x950412de ? (o) => buf.readUInt32LE(o) : (o) => buf.readUInt32BE(o);
  if (magic !== 0x950412de && buf.readUInt32BE(0) !== 0x950412de) throw new Error(`${file}: not a .mo file`);
  const count = read(8), originals = read(12), translations = read(16);
  const str = (table, i) => {
    const len = read(table + i * 8), off = read(table + i * 8 + 4);
    return buf.toString('utf8', off, off + len);
  };
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const id = str(originals, i);
    if (id) out.set(id, str(translations, i).split('\0')[0]);
  }
  return out;
}
