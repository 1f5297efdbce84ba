import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `files` (relative path → bytes or UTF-8 text) under `root`. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/**
 * Vietnamese as Windows-1258 stores it: base letters with their modifier precomposed
 * (ê, ơ, ă …), tone marks as separate combining bytes.
 */
export function windows1258(text: string): Buffer {
  const cp1258Form = text
    .normalize('NFD')
    .replace(/([A-Za-z])([\u0300-\u036f]+)/g, (_, base: string, marks: string) => {
      const modifier = /[\u0302\u0306\u031B]/.exec(marks)?.[0] ?? '';
      return (base + modifier).normalize('NFC') + marks.replace(modifier, '');
    });
  return iconv.encode(cp1258Form, 'windows-1258');
}

export const PNG_HEADER = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

export const VIETNAMESE_ARTICLE = [
  'Bộ Công an tổng kết công tác đối ngoại năm 2023',
  '',
  'Sáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị tổng kết công tác đối ngoại và hợp tác quốc tế.',
  '',
  'Thứ trưởng nhấn mạnh yêu cầu tiếp tục mở rộng hợp tác an ninh với các nước trong khu vực.',
].join('\n');
