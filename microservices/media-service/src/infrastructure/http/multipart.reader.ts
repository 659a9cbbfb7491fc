import busboy from 'busboy';
import { ValidationError } from '@haat/common';

export interface MultipartFile {
  bytes: Buffer;
  fileName: string | undefined;
  mimeType: string | undefined;
}

/** The one file (field `file`) and the text fields of a multipart form already in memory. */
export function readMultipart(
  body: Buffer,
  contentType: string,
): Promise<{ file: MultipartFile | undefined; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { files: 1, fields: 20, fieldSize: 1_000 },
      });
    } catch {
      reject(new ValidationError('MEDIA_MULTIPART_INVALID', 'The multipart form is malformed'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: MultipartFile | undefined;
    const parts: Promise<void>[] = [];
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      parts.push(
        new Promise((done) => {
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            file = { bytes: Buffer.concat(chunks), fileName: info.filename, mimeType: info.mimeType };
            done();
          });
        }),
      );
    });
    parser.on('error', () =>
      reject(new ValidationError('MEDIA_MULTIPART_INVALID', 'The multipart form is malformed')),
    );
    parser.on('close', () => {
      void Promise.all(parts).then(() => resolve({ file, fields }));
    });
    parser.end(body);
  });
}
