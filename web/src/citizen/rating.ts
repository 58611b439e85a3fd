import { h } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure, call } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { useSubmit } from '../lib/hooks.ts';
import { ratingCodes, ratingLabel } from '../lib/labels.ts';
import { errorsByPath, RadioGroup, TextField } from '../ui/fields.ts';
import { ErrorBox, Loading } from '../ui/feedback.ts';

interface Props {
  trackingNo: string;
  accessCode: string;
  onRated(): void;
}

/** 满意 / 基本满意 / 不满意 with a comment, once the case is disposed. */
export function RatingForm({ trackingNo, accessCode, onRated }: Props) {
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const { busy, failure, submit } = useSubmit(async () => {
    await call('POST', `/v1/track/${encodeURIComponent(trackingNo)}/rating`, {
      body: { rating, comment },
      headers: { 'X-Access-Code': accessCode },
    });
    onRated();
  });
  const errors = failure instanceof ApiFailure ? errorsByPath(failure.fields) : {};
  if (errors.rating) errors.rating = t('请选择一项评价', 'Choose a rating');


  return h(
    'form',
    { class: 'rating', onSubmit: submit, noValidate: true, 'aria-labelledby': 'rate-h' },
    h('h2', { id: 'rate-h' }, t('评价处理结果', 'Rate the result')),
    h(ErrorBox, { error: failure && !errors.rating ? failure : undefined }),
    h(RadioGroup, {
      path: 'rating',
      legend: t('您对处理结果是否满意？', 'Are you satisfied with the result?'),
      required: true,
      class: 'inline',
      value: rating,
      onValue: setRating,
      error: errors.rating,
      choices: ratingCodes.map((code) => ({ value: code, label: ratingLabel(code) })),
    }),
    rating === 'dissatisfied'
      ? h('p', { class: 'hint' }, t('选择“不满意”后，案件将转上级督办复查。', 'A “dissatisfied” rating sends the case to the supervisor for review.'))
      : null,
    h(TextField, {
      path: 'comment',
      label: t('意见或建议', 'Comment'),
      required: false,
      multiline: true,
      rows: 4,
      maxLength: 1000,
      value: comment,
      onValue: setComment,
      error: errors.comment,
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? t('正在提交…', 'Sending…') : t('提交评价', 'Submit rating'))),
    h(Loading, { when: busy, text: t('正在提交…', 'Sending…') }),
  );
}
