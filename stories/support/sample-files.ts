/** Small files for the attachment stories: inline, so nothing is fetched. */

/** A 96×64 PNG (a sun over green hills), 265 bytes, as a `data:` URL. */
export const landscapePng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAA0ElEQVR42u3YsQ3CMBCG0VuCDJWdmCbr0LENoqBH2HKI4xzhSV//X14Fjuv9qUqBABAgQIAAAQIE6Dd73C6lANV0ehnFWWl6MQE6I9AqnY1G8Q86W4wAAQIECBAgQIAA+SXtvxggQN6DvCh6kwYESIAAAQIECFChaZlLZdOZljkyuKTCejsjsrkcKPVxPTLTjGGq78Ye831p9mNqWYyO8/u5dJdqH4ou8yNpBt8ZX19wFMrgUyPbd2YLECBAgAABAgQIkAABAgQIECBAgASovRfU0sP184JgPQAAAABJRU5ErkJggg==';

/** A `File` holding a `data:` URL's bytes, as if the user had picked it. */
export function fileFromDataUrl(dataUrl: string, name: string): File {
  const [header = '', base64 = ''] = dataUrl.split(',');
  const mediaType = /^data:([^;]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new File([bytes], name, { type: mediaType });
}

/** Hands files to a composer's file input, as the browser's file picker does. */
export function pickFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
