import type { supportDeskEn } from './support-desk.en';

/** Les textes français des services d’aide (issue 20), mêmes clés que support-desk.en.ts. */
export const supportDeskFr: typeof supportDeskEn = {
  note: 'Un service d’aide : seuls vous et l’équipe voyez vos questions.',
  staffNote: 'Un service d’aide : chaque membre ne voit que ses propres questions ; en tant qu’équipe, vous les voyez toutes.',
  editorHint:
    'Dans un service d’aide, chaque membre ne voit que les sujets qu’il a lancés ; les modérateurs les voient tous. Prend effet immédiatement.',
};
