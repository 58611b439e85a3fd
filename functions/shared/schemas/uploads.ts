import * as z from 'zod';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../../domain/cases/attachments.ts';
import { bilingual } from '../validation.ts';
import { text } from './cases.ts';

export const uploadBody = z.object({
  fileName: text(200),
  contentType: z.enum(ATTACHMENT_TYPES, bilingual('只能上传 JPEG、PNG 图片或 PDF 文件', 'Only JPEG or PNG images and PDF files')),
  size: z
    .number()
    .int()
    .min(1)
    .max(MAX_ATTACHMENT_BYTES, bilingual('单个文件不能超过 10 MB', 'A file may not exceed 10 MB')),
});

export const uploadTicket = z.object({ uploadId: z.string(), url: z.string(), fields: z.record(z.string(), z.string()) });
