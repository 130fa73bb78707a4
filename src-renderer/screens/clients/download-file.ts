/**
 * Saves text the core produced (a CSV, an .ics) through the browser's download:
 * a Blob link clicked once, then released. Works the same in Electron and web mode.
 */
export function downloadTextFile(file: { fileName: string; mimeType: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
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
