import { useId, useRef, useState, type ClipboardEvent, type Dispatch, type DragEvent, type RefObject, type SetStateAction } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../../../i18n/use-translation';
import type { UploadDto } from '@harbour/contracts';
import { ApiError } from '../../../lib/api-client';
import { useSite } from '../../../lib/site';
import { Alert } from '../../../ui/alert';
import { isPicture, uploadFile } from '../api/uploads';
import { AltTextDialog } from './alt-text-dialog';
import './uploads.css';

const MB = 1024 * 1024;
/** What the server takes (libs/uploads upload-kinds.ts); only a hint to the file picker, the server judges the bytes. */
const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,.jpg,.jpeg,.png,.gif,.webp,.pdf,.txt,.csv,.docx,.xlsx,.pptx,.odt,.ods,.odp';

/** Brackets and backslashes would end a Markdown label early; a line break would end the paragraph. */
function markdownLabel(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`).replace(/\s*\n\s*/g, ' ');
}

interface ComposerUploadsOptions {
  /** The composer's text box: the Markdown goes in at its caret (at the end while it is not shown). */
  textarea: RefObject<HTMLTextAreaElement | null>;
  setBody: Dispatch<SetStateAction<string>>;
}

/**
 * Uploads into a composer: an Attach button, files dropped on the composer or pasted into it, one at a time
 * with a progress bar. A picture is inserted as `![description](url)` once its description is asked for; a
 * document as `[name](url)`, with a warning that its own metadata travels with it (pictures are cleaned).
 */
export function useComposerUploads({ textarea, setBody }: ComposerUploadsOptions) {
  const { t } = useTranslation();
  const id = useId();
  const maxMb = useSite().data?.uploadMaxMb;
  const picker = useRef<HTMLInputElement>(null);
  const queue = useRef<File[]>([]);
  const running = useRef(false);
  const [sending, setSending] = useState<{ name: string; fraction: number } | null>(null);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [documents, setDocuments] = useState<string[]>([]);
  const [asking, setAsking] = useState<{ upload: UploadDto; answer: (alt: string | null) => void } | null>(null);
  const [dragging, setDragging] = useState(false);

  const insert = (markdown: string) => {
    const box = textarea.current;
    // Read now: the caret where the member left it. Written synchronously (flushSync), so that the caret can be
    // put back after the inserted text at once: a frame callback could run before React renders the new text.
    const from = box ? box.selectionStart : Number.MAX_SAFE_INTEGER;
    const to = box ? box.selectionEnd : Number.MAX_SAFE_INTEGER;
    let caret = 0;
    flushSync(() =>
      setBody((body) => {
        const start = Math.min(from, body.length);
        caret = start + markdown.length;
        return body.slice(0, start) + markdown + body.slice(Math.min(to, body.length));
      }),
    );
    if (box?.isConnected) {
      box.focus();
      box.setSelectionRange(caret, caret);
    }
  };

  const describe = (error: unknown, name: string): string => {
    if (error instanceof ApiError) {
      if (error.status === 413) return t('uploads.errors.tooLarge', { name, max: /(\d+) MB/.exec(error.message)?.[1] ?? maxMb });
      if (error.status === 415) return t('uploads.errors.unsupported', { name });
      if (error.status === 422) return t('uploads.errors.quota', { name });
      if (error.status === 429) return t('uploads.errors.rateLimited');
      if (error.status === 401 || error.status === 403) return t('uploads.errors.forbidden');
      if (error.status === 0) return t('uploads.errors.network', { name });
      if (error.messages.length > 0) return error.messages.join(' ');
    }
    return t('uploads.errors.generic', { name });
  };

  const sendOne = async (file: File) => {
    if (maxMb !== undefined && file.size > maxMb * MB) {
      // Refused here: the server would say the same after the whole file had crossed a phone's connection.
      setErrors((list) => [...list, t('uploads.errors.tooLarge', { name: file.name, max: maxMb })]);
      return;
    }
    setSending({ name: file.name, fraction: 0 });
    setStatus(t('uploads.uploading', { name: file.name }));
    let upload: UploadDto;
    try {
      upload = await uploadFile(file, (fraction) => setSending({ name: file.name, fraction }));
    } catch (error) {
      setStatus('');
      setErrors((list) => [...list, describe(error, file.name)]);
      return;
    } finally {
      setSending(null);
    }
    setStatus('');
    if (isPicture(upload)) {
      const alt = await new Promise<string | null>((answer) => setAsking({ upload, answer }));
      setAsking(null);
      if (alt === null) {
        setStatus(t('uploads.cancelled', { name: upload.name }));
        return;
      }
      insert(`![${markdownLabel(alt)}](${upload.url})`);
    } else {
      insert(`[${markdownLabel(upload.name)}](${upload.url})`);
      setDocuments((names) => [...names, upload.name]);
    }
    setStatus(t('uploads.uploaded', { name: upload.name }));
  };

  const take = (files: File[]) => {
    if (files.length === 0) return;
    queue.current.push(...files);
    if (running.current) return;
    running.current = true;
    setErrors([]);
    void (async () => {
      try {
        for (let file = queue.current.shift(); file; file = queue.current.shift()) await sendOne(file);
      } finally {
        running.current = false;
      }
    })();
  };

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  return {
    /** Sending or waiting for a description: the composer holds its submit until the file is in the text. */
    uploading: sending !== null || asking !== null,
    /** After the post is sent: its warnings were about it. */
    clear: () => {
      setDocuments([]);
      setErrors([]);
      setStatus('');
    },
    /** Spread on the composer's form: files dropped on it or pasted into it are uploaded. */
    formProps: {
      className: dragging ? 'dragging' : undefined,
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        setDragging(false);
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        take(Array.from(event.dataTransfer.files));
      },
      onPaste: (event: ClipboardEvent) => {
        // Copied text that also comes as a picture (a spreadsheet's cells, a web page) is pasted as text.
        if (event.clipboardData.files.length === 0 || event.clipboardData.types.includes('text/plain')) return;
        event.preventDefault();
        take(Array.from(event.clipboardData.files));
      },
    },
    controls: (
      <div className="composer-uploads">
        <button type="button" aria-describedby={`${id}-hint`} onClick={() => picker.current?.click()}>
          {t('uploads.attach')}
        </button>
        <input
          ref={picker}
          type="file"
          hidden
          multiple
          accept={ACCEPT}
          aria-label={t('uploads.chooseFile')}
          onChange={(event) => {
            take(Array.from(event.target.files ?? []));
            // The same file chosen again is a new upload.
            event.target.value = '';
          }}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('uploads.attachHint', { max: maxMb ?? '…' })}
        </p>
        {sending && (
          <div className="upload-progress">
            <progress max={1} value={sending.fraction} aria-label={t('uploads.uploading', { name: sending.name })} />
            <span aria-hidden="true">{Math.round(sending.fraction * 100)} %</span>
          </div>
        )}
        <p role="status" className="muted upload-status">
          {status}
        </p>
        {errors.map((error) => (
          <Alert key={error} kind="error">
            {error}
          </Alert>
        ))}
        {documents.map((name) => (
          <Alert key={name} kind="info">
            {t('uploads.documentWarning', { name })}
          </Alert>
        ))}
        {asking && <AltTextDialog upload={asking.upload} onDone={asking.answer} />}
      </div>
    ),
  };
}
