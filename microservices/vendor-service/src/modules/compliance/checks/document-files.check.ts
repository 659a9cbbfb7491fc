import {
  type CheckFinding,
  type CheckResult,
  type ComplianceSubject,
  failed,
  passed,
  skipped,
} from './compliance-check.js';

const USABLE = new Set(['ready', 'processing']);

/** Every document's file exists in media-service for this tenant and did not fail processing. */
export function documentFilesCheck(s: ComplianceSubject): CheckResult {
  if (s.media === null) {
    return skipped(
      'DOCUMENT_FILES',
      'The files were not verified: media-service is not configured for this service',
    );
  }
  const findings: CheckFinding[] = s.media
    .filter((m) => !USABLE.has(m.status))
    .map((m) => ({
      field: `documents.${m.index}.mediaAssetId`,
      rule:
        m.status === 'missing'
          ? 'no such uploaded file'
          : m.status === 'failed'
            ? `the file could not be processed${m.error ? ` (${m.error})` : ''}`
            : 'the file was never uploaded',
    }));
  if (findings.length === 0)
    return passed('DOCUMENT_FILES', `All ${s.media.length} document files were found`);
  return failed('DOCUMENT_FILES', 'Upload the document files again', findings);
}
