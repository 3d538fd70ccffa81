/**
 * Files a user attaches in the composer: which ones are accepted (`accept`, `maxFileSize`,
 * `maxFiles`), and how each becomes a file part (a data URL by default, or your `upload`).
 */
import type { ChatWindowLabels } from './labels';

/** A stored file, as a message's file part holds it. */
export interface AttachmentFile {
  mediaType: string;
  url: string;
  filename?: string;
}

/** Stores a file (in your bucket, behind your API) and resolves to where the model can read it. */
export type AttachmentUpload = (
  file: File,
  context: { signal: AbortSignal },
) => Promise<string | AttachmentFile> | string | AttachmentFile;

export interface AttachmentOptions {
  /** Accepted types, as the file input's `accept`: `"image/*,application/pdf,.csv"`. Default: any. */
  accept?: string;
  /** Largest file, in bytes. Default 10 MB. */
  maxFileSize?: number;
  /** Most files on one message. Default 10. */
  maxFiles?: number;
  /** Stores each file and returns its URL; default: the file is sent inline as a `data:` URL. */
  upload?: AttachmentUpload;
}

export const defaultMaxFileSize = 10 * 1024 * 1024;
export const defaultMaxFiles = 10;

/** One attachment in the composer, from the moment it is picked until the message is sent. */
export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  /** `'pending'` while it is read or uploaded. */
  state: 'pending' | 'ready';
  /** Where it lives once ready. */
  url?: string;
}

/** The options of `attachments={…}`: `true` means the defaults, `false`/`undefined` no attachments. */
export function attachmentOptions(value: boolean | AttachmentOptions | undefined): AttachmentOptions | undefined {
  if (value === undefined || value === false) return undefined;
  return value === true ? {} : value;
}

/** Whether `file` matches an `accept` list of media types (`image/*`, `text/plain`) and extensions (`.md`). */
export function isAccepted(file: { name: string; type: string }, accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return accept
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .some((entry) => {
      if (entry === '') return false;
      if (entry.startsWith('.')) return name.endsWith(entry);
      if (entry.endsWith('/*')) return type.startsWith(entry.slice(0, -1));
      return type === entry;
    });
}

/** Why `file` is refused, or `undefined` when it may be attached. */
export function refusal(
  file: { name: string; type: string; size: number },
  options: AttachmentOptions,
  labels: ChatWindowLabels,
): string | undefined {
  if (!isAccepted(file, options.accept)) return labels.fileNotAccepted(file.name);
  const max = options.maxFileSize ?? defaultMaxFileSize;
  if (file.size > max) return labels.fileTooLarge(file.name, max);
  return undefined;
}

/** The file as a `data:` URL. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Stores `file` through `upload`, or reads it inline; resolves to its file part's fields. */
export async function storeFile(file: File, options: AttachmentOptions, signal: AbortSignal): Promise<AttachmentFile> {
  const mediaType = file.type || 'application/octet-stream';
  if (!options.upload) return { mediaType, url: await readAsDataUrl(file), filename: file.name };
  const stored = await options.upload(file, { signal });
  if (typeof stored === 'string') return { mediaType, url: stored, filename: file.name };
  return { filename: file.name, ...stored };
}

/** The files a paste or a drop carries (none for plain text). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  return Array.from(data.files ?? []);
}
