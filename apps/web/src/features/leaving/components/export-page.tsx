import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../ui/alert';
import { Page } from '../../../ui/page';
import { TextField } from '../../../ui/text-field';
import { saveFile, useExportData } from '../api/export-data';
import { describeLeavingError } from './leaving-errors';

/** /settings/export: the member's data as a zip, the password asked again. */
export function ExportPage() {
  const { t } = useTranslation();
  const exportData = useExportData();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (password === '') return setProblem({ field: 'password', message: t('leaving.errors.required') });
    setProblem(null);
    try {
      saveFile(await exportData.mutateAsync({ password }), 'harbour-export.zip');
      setPassword('');
      setDone(true);
    } catch (error) {
      setProblem(describeLeavingError(error, t));
    }
  };

  return (
    <Page title={t('leaving.exportTitle')} narrow>
      <p>{t('leaving.exportIntro')}</p>
      <p className="muted">{t('leaving.exportWarning')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {problem && problem.field === null && <Alert kind="error">{problem.message}</Alert>}
        {done && <Alert kind="success">{t('leaving.exportDone')}</Alert>}
        <TextField
          label={t('leaving.password')}
          hint={t('leaving.passwordHint')}
          type="password"
          autoComplete="current-password"
          value={password}
          error={problem?.field === 'password' ? problem.message : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={exportData.isPending}>
          {exportData.isPending ? t('leaving.exporting') : t('leaving.exportButton')}
        </button>
      </form>
    </Page>
  );
}
