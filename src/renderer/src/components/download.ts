/**
 * Saves text as a file through an <a download> on a Blob URL: the one way that works the same in
 * the Electron window (a save dialog) and in the browser host (the browser's downloads), with no
 * IPC channel and no file-system access in the renderer.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** The same for bytes (a zip). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download reads the Blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
