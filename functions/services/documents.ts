import { canSee, NotAllowed, type StaffActor } from '../domain/index.ts';
import { documentSummary, type OfficialDocument } from '../domain/notices/official-document.ts';
import { notFound } from '../shared/errors.ts';
import { loadCase } from './cases.ts';
import { defaultDeps, type ServiceDeps } from './deps.ts';
import { trackCase } from './tracking.ts';

/**
 * A case's official notices as issued, for the citizen (tracking number and access code) and for
 * staff who can see the case. Read only: a document is never changed after it is issued.
 */
function found(d: OfficialDocument | undefined): OfficialDocument {
  if (!d) throw notFound('文书', 'Document');
  return d;
}

export async function trackedDocuments(trackingNo: string, accessCode: string, clientIp: string, deps: ServiceDeps = defaultDeps()) {
  const c = await trackCase(trackingNo, accessCode, clientIp, deps);
  return { documents: (await deps.repo.documents(c.caseId)).map(documentSummary) };
}

export async function trackedDocument(trackingNo: string, accessCode: string, clientIp: string, documentId: string, deps: ServiceDeps = defaultDeps()): Promise<Omit<OfficialDocument, 'caseId'>> {
  const c = await trackCase(trackingNo, accessCode, clientIp, deps);
  // The internal case id stays internal, as everywhere the citizen looks.
  const { caseId: _caseId, ...doc } = found(await deps.repo.document(c.caseId, documentId));
  return doc;
}

async function visibleCase(user: StaffActor, caseId: string, deps: ServiceDeps) {
  const c = await loadCase(caseId, deps);
  if (!canSee(user, c)) throw new NotAllowed();
  return c;
}

export async function caseDocuments(user: StaffActor, caseId: string, deps: ServiceDeps = defaultDeps()) {
  const c = await visibleCase(user, caseId, deps);
  return { documents: (await deps.repo.documents(c.caseId)).map(documentSummary) };
}

export async function caseDocument(user: StaffActor, caseId: string, documentId: string, deps: ServiceDeps = defaultDeps()): Promise<OfficialDocument> {
  const c = await visibleCase(user, caseId, deps);
  return found(await deps.repo.document(c.caseId, documentId));
}
