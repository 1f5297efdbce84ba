/** Saves `content` (a Blob, or a data URL) under `fileName` through a temporary link. */
export function download(fileName: string, content: Blob | string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  if (typeof content !== 'string') window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
