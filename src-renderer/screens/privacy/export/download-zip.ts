/**
 * Saves a ZIP the core sent as base64 the way the other exports save theirs (see
 * screens/clients/download-file.ts): a Blob link clicked once, then released. In
 * web mode the browser saves it (or asks where); in the desktop app Electron's
 * default download handling opens the system's "Save as" dialog.
 */
export function downloadZip(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const url = URL.createObjectURL(new Blob([base64Bytes(file.contentBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Released on the next turn: some browsers start the download only after click() returns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
