import type { Messages } from '../messages';
import type { uploadsEn } from './uploads.en';

export const uploadsFr: Messages<typeof uploadsEn> = {
  attach: 'Joindre une image ou un fichier',
  attachHint:
    'Images (JPEG, PNG, GIF, WebP), PDF, documents de bureautique, texte ou CSV, jusqu’à {{max}} Mo. Vous pouvez aussi les déposer ou les coller ici.',
  chooseFile: 'Fichier à joindre',
  uploading: 'Envoi de « {{name}} »',
  uploaded: '« {{name}} » est joint.',
  cancelled: '« {{name}} » n’a pas été inséré.',
  documentWarning:
    '« {{name}} » est partagé tel quel : ses métadonnées cachées (nom de l’auteur·rice, modifications, commentaires) ne sont pas retirées. Les images sont nettoyées ; les documents, non.',
  errors: {
    tooLarge: '« {{name}} » dépasse la limite de ce site : {{max}} Mo.',
    unsupported:
      '« {{name}} » a été refusé : ce site accepte les images (JPEG, PNG, GIF, WebP), les PDF, les documents de bureautique, le texte et le CSV, et seulement si le fichier est vraiment ce que son nom annonce.',
    quota:
      '« {{name}} » dépasserait votre quota de fichiers. Supprimez les messages dont vous n’avez plus besoin des fichiers, ou demandez à un·e admin.',
    rateLimited: 'Vous avez envoyé beaucoup de fichiers dans la dernière heure. Réessayez un peu plus tard.',
    forbidden: 'Vous n’avez pas le droit d’envoyer des fichiers ici.',
    network: '« {{name}} » n’a pas pu être envoyé : la connexion a été perdue. Réessayez.',
    generic: '« {{name}} » n’a pas pu être envoyé. Réessayez.',
  },
  alt: {
    title: 'Décrire l’image',
    label: 'Description (texte de remplacement)',
    hint: 'Décrivez l’image pour les personnes qui ne peuvent pas la voir.',
    decorative: 'Cette image est décorative : elle n’apporte rien qu’une description devrait dire',
    required: 'Décrivez l’image, ou indiquez qu’elle est décorative.',
    insert: 'Insérer l’image',
    cancel: 'Ne pas l’insérer',
  },
  lightbox: {
    label: 'Image',
    close: 'Fermer',
  },
  admin: {
    legend: 'Images et fichiers',
    uploadMaxMb: 'Taille maximale d’un fichier, en Mo (1 à 100)',
    uploadQuotaMb: 'Fichiers par membre, en Mo (0 : pas de limite)',
    uploadsPerHour: 'Envois par heure, par membre (0 : pas de limite)',
  },
};
