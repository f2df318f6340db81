// Downloads a generated file with a progress report to the Blazor component, then saves it under its server name.
window.relationsUsagers = window.relationsUsagers || {};
window.relationsUsagers.download = async function (url, component) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    await component.invokeMethodAsync('OnDownloadFailed', response.status, await response.text());
    return;
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0, reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (received - reported > 262144) { reported = received; await component.invokeMethodAsync('OnDownloadProgress', received, total); }
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' }));
  link.download = match ? decodeURIComponent(match[1]) : 'export.xlsx';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  await component.invokeMethodAsync('OnDownloadDone', received);
};

// Saves a file the component built (the rejected lines of an import) under the given name.
window.relationsUsagers.saveStream = async function (fileName, streamReference) {
  const buffer = await streamReference.arrayBuffer();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
};
