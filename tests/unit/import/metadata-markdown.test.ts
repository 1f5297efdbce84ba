import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../shared/import/metadata';

describe('Markdown titles', () => {
  it('drops the heading marker from the title, and only from the title', () => {
    const text = '# Ghi chú họp giao ban\n\nĐề nghị tăng cường phối hợp giữa các lực lượng chức năng.';
    expect(extractMetadata(text).title).toBe('Ghi chú họp giao ban');
  });
});
