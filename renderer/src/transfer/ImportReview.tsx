import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewChoice, ReviewDecisions, ReviewQuestion } from '../../../shared/contract';
import type { LabelDifference } from '../../../shared/contract/imports';
import type { Label } from '../../../shared/domain/schemas';
import type { Language } from '../i18n/languages';
import { labelName, useAppStore } from '../state/app-store';

type QuestionOf<K extends ReviewQuestion['kind']> = Extract<ReviewQuestion, { kind: K }>;
type Answers = Record<string, ReviewChoice | undefined>;

/**
 * The import's review step: the files the job holds, with nothing of them written, and what it
 * needs to know about each: a converted legacy encoding (before/after), a probable duplicate,
 * labels this workbench lacks or defines differently. Conversions and duplicates start
 * unanswered (the analyst must look); labels start at the suggestion (create the missing one,
 * keep one's own). "Apply to all" answers every question of a group at once.
 */
export function ImportReview({
  questions,
  othersImported,
  onDecide,
  onCancel,
}: {
  questions: ReviewQuestion[];
  /** Some files of the job were imported without a question. */
  othersImported: boolean;
  onDecide: (decisions: ReviewDecisions) => Promise<void>;
  onCancel: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(questions));
  const [sending, setSending] = useState(false);
  const legacy = questions.filter((q): q is QuestionOf<'legacyEncoding'> => q.kind === 'legacyEncoding');
  const duplicates = questions.filter((q): q is QuestionOf<'probableDuplicate'> => q.kind === 'probableDuplicate');
  const labels = questions.filter((q): q is QuestionOf<'label'> => q.kind === 'label');
  const open = questions.filter((question) => answers[question.id] === undefined).length;
  const files = new Set(questions.flatMap((q) => (q.kind === 'label' ? q.files : [fileOf(q.file)]))).size;
  const answer = (id: string, choice: ReviewChoice) => setAnswers((current) => ({ ...current, [id]: choice }));
  const answerAll = (group: readonly ReviewQuestion[], choice: ReviewChoice) =>
    setAnswers((current) => ({ ...current, ...Object.fromEntries(group.map((q) => [q.id, choice])) }));
  const submit = async () => {
    setSending(true);
    try {
      await onDecide(answers as ReviewDecisions);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="review" aria-label={t('import.review.region')}>
      <h3 className="review__heading">{t('import.review.heading', { count: files })}</h3>
      <p className="muted">
        {othersImported ? `${t('import.review.othersImported')} ` : ''}
        {t('import.review.intro')}
      </p>

      {legacy.length > 0 ? (
        <ReviewGroup
          title={t('import.review.legacy.title', { count: legacy.length })}
          bulk={[
            { label: t('import.review.legacy.acceptAll'), onClick: () => answerAll(legacy, { choice: 'accept' }) },
            { label: t('import.review.legacy.skipAll'), onClick: () => answerAll(legacy, { choice: 'skip' }) },
          ]}
        >
          {legacy.map((question) => (
            <div key={question.id} className="review__item" role="group" aria-label={question.file}>
              <div className="review__file">{question.file}</div>
              <p className="review__explain">{t('import.review.legacy.explain', { encoding: question.encoding })}</p>
              <div className="review__compare">
                <figure>
                  <figcaption>{t('import.review.legacy.before', { encoding: question.encoding })}</figcaption>
                  <pre>{question.before}</pre>
                </figure>
                <figure>
                  <figcaption>{t('import.review.legacy.after')}</figcaption>
                  <pre lang="vi">{question.after}</pre>
                </figure>
              </div>
              <Choices
                name={question.id}
                value={answers[question.id]?.choice}
                options={[
                  { choice: 'accept', label: t('import.review.legacy.accept') },
                  { choice: 'skip', label: t('import.review.legacy.skip') },
                ]}
                onChange={(choice) => answer(question.id, { choice })}
              />
            </div>
          ))}
        </ReviewGroup>
      ) : null}

      {duplicates.length > 0 ? (
        <ReviewGroup
          title={t('import.review.duplicate.title', { count: duplicates.length })}
          bulk={[
            { label: t('import.review.duplicate.keepAll'), onClick: () => answerAll(duplicates, { choice: 'accept' }) },
            { label: t('import.review.duplicate.skipAll'), onClick: () => answerAll(duplicates, { choice: 'skip' }) },
          ]}
        >
          {duplicates.map((question) => (
            <div key={question.id} className="review__item" role="group" aria-label={question.file}>
              <div className="review__file">{question.file}</div>
              <p className="review__explain">
                {question.duplicateOf.articleId === null
                  ? t('import.review.duplicate.explainInFile', {
                      title: question.title,
                      other: question.duplicateOf.title,
                    })
                  : t('import.review.duplicate.explain', {
                      title: question.title,
                      id: question.duplicateOf.articleId,
                      other: question.duplicateOf.title,
                    })}
              </p>
              <Choices
                name={question.id}
                value={answers[question.id]?.choice}
                options={[
                  { choice: 'accept', label: t('import.review.duplicate.keep') },
                  { choice: 'skip', label: t('import.review.duplicate.skip') },
                ]}
                onChange={(choice) => answer(question.id, { choice })}
              />
            </div>
          ))}
        </ReviewGroup>
      ) : null}

      {labels.length > 0 ? (
        <ReviewGroup
          title={t('import.review.labels.title', { count: labels.length })}
          bulk={[
            {
              label: t('import.review.labels.skipAll'),
              onClick: () => answerAll(labels, { choice: 'skip' }),
            },
          ]}
        >
          <p className="muted">{t('import.review.labels.intro')}</p>
          <table className="report review__labels" aria-label={t('import.review.labels.table')}>
            <thead>
              <tr>
                <th>{t('import.review.labels.columns.label')}</th>
                <th>{t('import.review.labels.columns.where')}</th>
                <th>{t('import.review.labels.columns.spans')}</th>
                <th>{t('import.review.labels.columns.use')}</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((question) => (
                <LabelRow
                  key={question.id}
                  question={question}
                  value={answers[question.id]}
                  onChange={(choice) => answer(question.id, choice)}
                />
              ))}
            </tbody>
          </table>
        </ReviewGroup>
      ) : null}

      <div className="row review__actions">
        <button type="button" className="primary" disabled={open > 0 || sending} onClick={() => void submit()}>
          {t('import.review.submit')}
        </button>
        <button type="button" disabled={sending} onClick={() => void onCancel()}>
          {t('import.review.cancel')}
        </button>
        <span className="muted" aria-live="polite">
          {open > 0 ? t('import.review.open', { count: open }) : t('import.review.ready')}
        </span>
      </div>
    </section>
  );
}

/** The file a record belongs to: "a.csv (row 3)" counts as "a.csv". */
const fileOf = (record: string): string => record.replace(/ \([^()]*\)$/, '');

function initialAnswers(questions: readonly ReviewQuestion[]): Answers {
  const answers: Answers = {};
  for (const question of questions) {
    if (question.kind === 'label')
      answers[question.id] = question.existing ? { choice: 'map', labelKey: question.label } : { choice: 'create' };
  }
  return answers;
}

function ReviewGroup({
  title,
  bulk,
  children,
}: {
  title: string;
  bulk: { label: string; onClick: () => void }[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="review__group">
      <legend>{title}</legend>
      <div className="review__bulk">
        <span className="muted">{t('import.review.applyToAll')}</span>
        {bulk.map((action) => (
          <button key={action.label} type="button" onClick={action.onClick}>
            {action.label}
          </button>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

function Choices<C extends 'accept' | 'skip'>({
  name,
  value,
  options,
  onChange,
}: {
  name: string;
  value: string | undefined;
  options: { choice: C; label: string }[];
  onChange: (choice: C) => void;
}) {
  return (
    <div className="review__choices">
      {options.map((option) => (
        <label key={option.choice}>
          <input type="radio" name={name} checked={value === option.choice} onChange={() => onChange(option.choice)} />
          {option.label}
        </label>
      ))}
    </div>
  );
}

const SKIP = '::skip';
const CREATE = '::create';

function LabelRow({
  question,
  value,
  onChange,
}: {
  question: QuestionOf<'label'>;
  value: ReviewChoice | undefined;
  onChange: (choice: ReviewChoice) => void;
}) {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const language = useAppStore((state) => state.language);
  const selected =
    value?.choice === 'map'
      ? value.labelKey
      : value?.choice === 'skip'
        ? SKIP
        : value?.choice === 'create'
          ? CREATE
          : '';
  const own = labels.find((label) => label.key === question.label);
  const others = useMemo(() => labels.filter((label) => label !== own), [labels, own]);
  const fileName = question.fileLabel
    ? language === 'vi'
      ? question.fileLabel.nameVi
      : question.fileLabel.nameEn
    : null;
  return (
    <tr>
      <td>
        <strong>{question.label}</strong>
        {fileName && fileName !== question.label ? <span className="muted"> · {fileName}</span> : null}
        <div className="report__notes">
          {question.existing ? t('import.review.labels.differs') : t('import.review.labels.missing')} ·{' '}
          {question.format}
        </div>
        {question.differences.length > 0 ? (
          <ul className="review__differences">
            {question.differences.map((difference) => (
              <li key={difference.field}>
                <Difference difference={difference} />
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td className="report__file">{question.files.join(', ')}</td>
      <td>{question.spanCount}</td>
      <td>
        <select
          aria-label={t('import.review.labels.useFor', { label: question.label })}
          value={selected}
          onChange={(event) => {
            const picked = event.target.value;
            if (picked === SKIP) onChange({ choice: 'skip' });
            else if (picked === CREATE) onChange({ choice: 'create' });
            else onChange({ choice: 'map', labelKey: picked });
          }}
        >
          {question.existing && own ? (
            <option value={own.key}>{t('import.review.labels.keepMine', { label: labelText(own, language) })}</option>
          ) : (
            <option value={CREATE}>{t('import.review.labels.create', { label: question.label })}</option>
          )}
          <optgroup label={t('import.review.labels.mapTo')}>
            {others.map((label) => (
              <option key={label.key} value={label.key}>
                {labelText(label, language)}
              </option>
            ))}
          </optgroup>
          <option value={SKIP}>{t('import.review.labels.skip')}</option>
        </select>
      </td>
    </tr>
  );
}

const labelText = (label: Label, language: Language): string => `${label.key} · ${labelName(label, language)}`;

function Difference({ difference }: { difference: LabelDifference }) {
  const { t } = useTranslation();
  const none = t('import.review.labels.none');
  return (
    <>
      {t('import.review.labels.difference', {
        field: t(`import.review.labels.fields.${difference.field}`),
        here: difference.here ?? none,
        inFile: difference.inFile ?? none,
      })}
    </>
  );
}
