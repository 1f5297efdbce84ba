/**
 * Vietnamese folding for accent-insensitive matching: "Đề xuất" → "de xuat".
 * NFD, strip combining marks (tones, circumflex, breve, horn), map đ/Đ (which has no
 * decomposition, so stripping alone keeps it), lowercase. The result is for matching only,
 * never for display or offsets: folding changes lengths.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Words as a reader counts them: runs of letters, marks and digits. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) count++;
  return count;
}
