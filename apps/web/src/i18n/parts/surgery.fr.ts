import type { surgeryEn } from './surgery.en';

/** La chirurgie des sujets (issue 19, volet B), en français : choisir des messages, scinder, fusionner, déplacer, et les avis du fil. */
export const surgeryFr: typeof surgeryEn = {
  tools: 'Chirurgie du sujet',
  select: 'Choisir des messages',
  stopSelecting: 'Arrêter de choisir',
  selectPost: 'Choisir le message {{number}} à déplacer',
  selectHeld: 'Choisir ce message en attente à déplacer',
  selected_one: '{{count}} message choisi ; ses réponses le suivent.',
  selected_other: '{{count}} messages choisis ; leurs réponses les suivent.',
  selectHint: 'Cochez les messages à déplacer. Le premier message reste : pour tout déplacer, fusionnez plutôt le sujet.',
  split: 'Scinder vers un nouveau sujet…',
  merge: 'Fusionner dans un autre sujet…',
  move: 'Déplacer vers une autre catégorie…',
  cancel: 'Annuler',
  splitTitle: 'Scinder vers un nouveau sujet',
  splitExplain_one:
    '{{count}} message choisi et toutes les réponses en dessous quitteront ce sujet pour un nouveau, numérotés à partir de 1. Chacun garde sa place de lecture ; ce fil et le nouveau reçoivent chacun un avis qui dit où sont allés les messages.',
  splitExplain_other:
    '{{count}} messages choisis et toutes les réponses en dessous quitteront ce sujet pour un nouveau, numérotés à partir de 1. Chacun garde sa place de lecture ; ce fil et le nouveau reçoivent chacun un avis qui dit où sont allés les messages.',
  newTitle: 'Titre du nouveau sujet',
  newTitleHint: 'Entre 3 et 200 caractères.',
  category: 'Catégorie',
  categoryHint: 'Seulement les catégories que vous modérez. Qui ne peut pas la voir ne verra plus les messages déplacés.',
  splitConfirm: 'Scinder les messages',
  splitDone: 'Les messages sont maintenant dans un nouveau sujet :',
  mergeTitle: 'Fusionner dans un autre sujet',
  mergeSearch: 'Trouver le sujet où fusionner',
  mergeSearchHint: 'Deux lettres ou plus de son titre ou de ses messages, ou collez son lien.',
  mergeResults: 'Sujets trouvés',
  noResults: 'Aucun sujet trouvé pour ces mots.',
  mergeExplain:
    'Tous les messages de « {{from}} » iront dans « {{into}} », placés parmi ses messages dans l’ordre où ils ont été écrits. L’adresse de ce sujet mènera là-bas, ses lecteurs gardent leur place et « {{into}} » reçoit un avis. C’est irréversible.',
  mergeChooseFirst: 'Choisissez un sujet ci-dessus pour voir ce qui se passera.',
  mergeConfirm: 'Fusionner les sujets',
  moveTitle: 'Déplacer vers une autre catégorie',
  moveExplain:
    'Le sujet ira dans « {{category}} ». Dès lors, seules les personnes qui peuvent voir « {{category}} » le verront, et le fil reçoit un avis qui dit d’où il vient.',
  moveConfirm: 'Déplacer le sujet',
  notices: {
    heading: 'Ce qui est arrivé à ce fil',
    moved: 'Déplacé ici depuis {{category}}',
    movedHidden: 'Déplacé ici depuis une autre catégorie',
    split_to_one: '{{count}} message déplacé vers',
    split_to_other: '{{count}} messages déplacés vers',
    split_from: 'Scindé depuis',
    merged_from_one: '{{count}} message fusionné depuis',
    merged_from_other: '{{count}} messages fusionnés depuis',
    anotherTopic: 'un autre sujet',
  },
};
