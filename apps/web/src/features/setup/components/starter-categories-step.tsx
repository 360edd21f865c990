import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { TextField } from '../../../ui/text-field';
import { useCategories } from '../../shared/api/spaces';
import { useCreateStarterCategories } from '../api/setup';
import { HARM_REDUCTION_CATEGORIES, type StarterCategory } from '../starter-categories';
import type { StepProps } from './setup-page';

type Row = StarterCategory & { include: boolean };

/** The harm-reduction preset, in the site's default language, each one renamed, rewritten or left out before it is created. */
export function StarterCategoriesStep({ settings, onNext }: StepProps) {
  const { t } = useTranslation();
  const existing = useCategories();
  const create = useCreateStarterCategories();
  const [rows, setRows] = useState<Row[]>(() => HARM_REDUCTION_CATEGORIES[settings.defaultLocale].map((c) => ({ ...c, include: true })));
  const change = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const chosen = rows.filter((row) => row.include && row.name.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const categories = chosen.map(({ name, description }) => ({ name: name.trim(), description: description.trim() }));
    create.mutate(categories, { onSuccess: onNext });
  };
  const hasCategories = (existing.data?.items.length ?? 0) > 0;
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="setup-step-title">{t('setup.categories.title')}</h2>
      {hasCategories && !create.isSuccess ? <p>{t('setup.categories.already')}</p> : <p>{t('setup.categories.intro')}</p>}
      {!hasCategories &&
        rows.map((row, index) => (
          <fieldset key={index} className="starter-category">
            <legend>
              <label className="choice">
                <input type="checkbox" checked={row.include} onChange={(e) => change(index, { include: e.target.checked })} />
                {t('setup.categories.include', { name: row.name || '…' })}
              </label>
            </legend>
            <TextField
              label={t('setup.categories.name')}
              value={row.name}
              maxLength={80}
              disabled={!row.include}
              onChange={(e) => change(index, { name: e.target.value })}
            />
            <TextField
              label={t('setup.categories.description')}
              value={row.description}
              maxLength={500}
              disabled={!row.include}
              onChange={(e) => change(index, { description: e.target.value })}
            />
          </fieldset>
        ))}
      {create.isError && <Alert kind="error">{t('setup.failed')}</Alert>}
      {!hasCategories && (
        <button type="submit" className="button-primary" disabled={create.isPending || chosen.length === 0}>
          {t('setup.categories.create')}
        </button>
      )}
    </form>
  );
}
