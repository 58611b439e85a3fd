import { h } from 'preact';
import { useDeployment } from '../lib/deployment.ts';
import { useRef } from 'preact/hooks';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../../functions/domain/cases/attachments.ts';
import { ApiFailure, call, errorText } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { fieldId } from '../ui/fields.ts';

export const MAX_ATTACHMENTS = 5;

/** One chosen file: checked in the page, then sent straight to storage with a presigned POST. */
export interface Upload {
  key: number;
  name: string;
  size: number;
  contentType: string;
  state: 'uploading' | 'done' | 'failed';
  /** 0..100 while uploading. */
  progress: number;
  uploadId?: string;
  error?: string;
}

export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 102.4) / 10} KB` : `${Math.round(bytes / 104857.6) / 10} MB`;

export const typeLabel = (contentType: string): string =>
  contentType === 'application/pdf' ? 'PDF' : contentType === 'image/png' ? 'PNG' : contentType === 'image/jpeg' ? 'JPEG' : contentType;

/** The ids to send with the form, or a failure naming the field while files are still on their way. */
export function attachmentIds(uploads: Upload[]): string[] {
  if (uploads.some((u) => u.state === 'uploading')) {
    throw new ApiFailure(400, 'validation', '', '', [{ path: 'attachments', message: '请等待文件上传完成', messageEn: 'Wait until the files have been uploaded' }]);
  }
  if (uploads.some((u) => u.state === 'failed')) {
    throw new ApiFailure(400, 'validation', '', '', [{ path: 'attachments', message: '有文件未能上传，请移除后重试', messageEn: 'A file could not be uploaded; remove it and try again' }]);
  }
  return uploads.map((u) => u.uploadId!);
}

/** Sends the file to the presigned POST's URL; XMLHttpRequest for the progress events. */
function post(url: string, fields: Record<string, string>, file: File, onProgress: (percent: number) => void): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`upload ${xhr.status}`)));
    xhr.onerror = () => reject(new ApiFailure(0, 'network', '', ''));
    xhr.send(form);
  });
}

function check(file: File): string | undefined {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return t('只能上传 JPEG、PNG 图片或 PDF 文件', 'Only JPEG or PNG images and PDF files');
  if (file.size === 0) return t('文件是空的', 'The file is empty');
  if (file.size > MAX_ATTACHMENT_BYTES) return t('文件超过 10 MB', 'The file is over 10 MB');
  return undefined;
}

let nextKey = 1;

/** The optional evidence files on a citizen form: up to 5, JPEG/PNG/PDF, 10 MB each. */
export function AttachmentsField({
  uploads,
  setUploads,
  error,
  label,
}: {
  uploads: Upload[];
  setUploads(update: (u: Upload[]) => Upload[]): void;
  error?: string;
  /** Default 证据材料 (a citizen's evidence); staff documents name themselves. */
  label?: string;
}) {
  const id = fieldId('attachments');
  const input = useRef<HTMLInputElement>(null);
  const deployment = useDeployment();
  const patch = (key: number, p: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const start = async (file: File, key: number) => {
    try {
      const ticket = await call<{ uploadId: string; url: string; fields: Record<string, string> }>('POST', '/v1/uploads', {
        body: { fileName: file.name, contentType: file.type, size: file.size },
      });
      await post(ticket.url, ticket.fields, file, (progress) => patch(key, { progress }));
      patch(key, { state: 'done', progress: 100, uploadId: ticket.uploadId });
    } catch (err) {
      patch(key, { state: 'failed', error: err instanceof ApiFailure ? errorText(err) : t('上传失败，请移除后重试', 'Upload failed; remove it and try again') });
    }
  };

  const choose = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    const files = [...(el.files ?? [])];
    el.value = ''; // the same file may be chosen again after removing it
    const room = MAX_ATTACHMENTS - uploads.length;
    const added: Upload[] = files.map((file, i) => {
      const problem = i >= room ? t(`最多上传 ${MAX_ATTACHMENTS} 个文件`, `At most ${MAX_ATTACHMENTS} files`) : check(file);
      return { key: nextKey++, name: file.name, size: file.size, contentType: file.type, state: problem ? 'failed' : 'uploading', progress: 0, error: problem };
    });
    setUploads((list) => [...list, ...added]);
    added.forEach((u, i) => u.state === 'uploading' && void start(files[i]!, u.key));
  };

  const full = uploads.length >= MAX_ATTACHMENTS;
  // A deployment without a malware scanner takes no files (ATTACHMENT_SCAN=off): say so instead.
  if (deployment?.attachments === false) {
    return h('p', { class: 'notice notice-info attachments-off' }, t('本系统暂不接收附件，请在文字中说明有关材料。', 'This service does not accept files; describe the evidence in the text.'));
  }
  return h(
    'div',
    { class: `field attachments${error ? ' has-error' : ''}` },
    h('label', { for: id }, label ?? t('证据材料', 'Evidence files'), h('span', { class: 'opt' }, t('（选填）', ' (optional)'))),
    h(
      'p',
      { class: 'hint', id: `${id}-hint` },
      t(`最多 ${MAX_ATTACHMENTS} 个文件，每个不超过 10 MB，限 JPEG、PNG 图片或 PDF。`, `Up to ${MAX_ATTACHMENTS} files, 10 MB each: JPEG or PNG images, or PDF.`),
    ),
    h(
      'p',
      { class: 'notice notice-warn attach-warning', id: `${id}-warn` },
      t(
        '请勿在文件中包含身份证件、姓名、电话等个人身份信息；如有，请先遮盖。',
        'Do not include identity documents, names, phone numbers or other personal identity in the files; cover them first.',
      ),
    ),
    error ? h('p', { class: 'field-error', id: `${id}-err` }, error) : null,
    h('input', {
      ref: input,
      id,
      name: 'attachments',
      type: 'file',
      multiple: true,
      accept: ATTACHMENT_TYPES.join(','),
      disabled: full,
      onChange: choose,
      'aria-describedby': [`${id}-hint`, `${id}-warn`, error ? `${id}-err` : ''].filter(Boolean).join(' '),
      'aria-invalid': error ? true : undefined,
    }),
    uploads.length
      ? h(
          'ul',
          { class: 'upload-list', 'aria-live': 'polite' },
          uploads.map((u) =>
            h(
              'li',
              { key: u.key, class: `upload ${u.state}` },
              h('span', { class: 'upload-name' }, u.name),
              h('span', { class: 'upload-meta' }, ` ${typeLabel(u.contentType)} · ${formatSize(u.size)} `),
              u.state === 'uploading'
                ? h('progress', { max: 100, value: u.progress, 'aria-label': t(`正在上传 ${u.name}`, `Uploading ${u.name}`) })
                : h('span', { class: 'upload-state' }, u.state === 'done' ? t('已上传', 'Uploaded') : u.error),
              h(
                'button',
                { type: 'button', class: 'remove', onClick: () => setUploads((list) => list.filter((x) => x.key !== u.key)), 'aria-label': t(`移除 ${u.name}`, `Remove ${u.name}`) },
                t('移除', 'Remove'),
              ),
            ),
          ),
        )
      : null,
  );
}

/** The API names a bad file `attachments.<i>`: one message at the field (and one line in the summary). */
export function foldAttachmentErrors(errors: Record<string, string>): void {
  for (const path of Object.keys(errors)) {
    if (!path.startsWith('attachments.')) continue;
    errors.attachments ??= errors[path]!;
    delete errors[path];
  }
}
