/** English strings of pictures and files (issue 17); fr beside it has the same keys. */
export const uploadsEn = {
  attach: 'Attach a picture or file',
  attachHint:
    'Pictures (JPEG, PNG, GIF, WebP), PDF, office documents, text or CSV, up to {{max}} MB. You can also drop or paste them here.',
  chooseFile: 'File to attach',
  uploading: 'Uploading “{{name}}”',
  uploaded: '“{{name}}” is attached.',
  cancelled: '“{{name}}” was not inserted.',
  documentWarning:
    '“{{name}}” is shared exactly as it is: its hidden metadata (author’s name, past edits, comments) is not removed. Pictures are cleaned; documents are not.',
  errors: {
    tooLarge: '“{{name}}” is larger than this site’s limit of {{max}} MB.',
    unsupported:
      '“{{name}}” was refused: this site takes pictures (JPEG, PNG, GIF, WebP), PDF, office documents, text and CSV, and only when the file really is what its name says.',
    quota: '“{{name}}” would pass your upload quota. Delete posts with files you no longer need, or ask an admin.',
    rateLimited: 'You have uploaded many files in the last hour. Try again a little later.',
    forbidden: 'You are not allowed to upload files here.',
    network: '“{{name}}” could not be sent: the connection was lost. Try again.',
    generic: '“{{name}}” could not be uploaded. Try again.',
  },
  alt: {
    title: 'Describe the picture',
    label: 'Description (alternative text)',
    hint: 'Describe the picture for people who cannot see it.',
    decorative: 'This picture is decorative: it adds nothing a description would need to say',
    required: 'Describe the picture, or mark it decorative.',
    insert: 'Insert the picture',
    cancel: 'Do not insert it',
  },
  lightbox: {
    label: 'Picture',
    close: 'Close',
  },
  admin: {
    legend: 'Pictures and files',
    uploadMaxMb: 'Largest file, in MB (1 to 100)',
    uploadQuotaMb: 'Files per member, in MB (0: no limit)',
    uploadsPerHour: 'Uploads per hour, per member (0: no limit)',
  },
};
