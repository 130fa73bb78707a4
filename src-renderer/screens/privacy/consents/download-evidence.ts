/** Saves an evidence file the core sent as base64 through the browser's download, as downloadTextFile does for text. */
export function downloadBase64File(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
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
