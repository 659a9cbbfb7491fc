import { Injectable } from '@nestjs/common';
import { EnvelopeCipher } from '../../infrastructure/crypto/envelope.cipher.js';

/** Document numbers (NID, TIN, BIN, licence) are personal data: sealed per document at rest. */
@Injectable()
export class DocumentNumberSealer {
  constructor(private readonly cipher: EnvelopeCipher) {}

  seal(tenantId: string, documentId: string, number: string): string {
    return this.cipher.seal(number, `${tenantId}:${documentId}:document-number`);
  }

  open(tenantId: string, documentId: string, sealed: string): string {
    return this.cipher.open(sealed, `${tenantId}:${documentId}:document-number`);
  }
}
