/**
 * The few words of the server-rendered pages, in the client's own phrasing (apps/web/src/i18n): the client
 * replaces these pages once it runs, and a reader should not see the wording change under them.
 */
const en = {
  skipToContent: 'Skip to content',
  mainNav: 'Main',
  footerNav: 'Site links',
  groups: 'Groups',
  alerts: 'Drug alerts',
  signIn: 'Sign in',
  signUp: 'Sign up',
  archive: 'Past mailings',
  subscribe: 'Subscribe to the mailings',
  intro: 'A meeting place for harm-reduction workers, activists and drug-user organizations.',
  guest: 'Sign in or create an account to take part. No real name is ever required.',
  categories: 'Categories',
  noCategories: 'No category yet.',
  topics: (count: number) => (count === 1 ? '1 topic' : `${count} topics`),
  welcome: (site: string) => `Welcome to ${site}`,
  latest: 'Latest topics',
  noTopics: 'No topic yet.',
  topicMeta: (author: string, count: number, date: string) =>
    `by ${author} · ${count} ${count === 1 ? 'post' : 'posts'} · last activity ${date}`,
  pinned: 'Pinned',
  locked: 'Locked',
  morePosts: 'Later posts',
  earlierPosts: 'Earlier posts',
  moreTopics: 'More topics',
  contentWarning: (warning: string) => `Content warning: ${warning}. Open to read.`,
  deletedPost: 'This post was deleted.',
  hiddenPost: 'This post is hidden by the moderators.',
  deletedAuthor: 'Deleted post',
  /** An anonymous poster's label ("Anonymous 2" from the API), in the page's language. */
  anonymous: (label: string) => label,
  notFound: 'This page does not exist.',
  badLink: 'This link is not valid.',
  backHome: 'Back to the home page',
  replyPrompt: 'Sign in to reply.',
  supportDesk: 'A support desk: only you and the staff see your questions.',
  quickExit: 'Quick exit',
  quickExitHint: 'Leave this site at once. Pressing Escape three times does the same.',
};

export type Words = typeof en;

const fr: Words = {
  skipToContent: 'Aller au contenu',
  mainNav: 'Principale',
  footerNav: 'Liens du site',
  groups: 'Groupes',
  alerts: 'Alertes drogues',
  signIn: 'Se connecter',
  signUp: 'S’inscrire',
  archive: 'Envois passés',
  subscribe: 'S’abonner aux envois',
  intro:
    'Un lieu de rencontre pour les intervenant·e·s en réduction des méfaits, les militant·e·s et les organisations de personnes qui consomment des drogues.',
  guest: 'Connectez-vous ou créez un compte pour participer. Aucun vrai nom n’est jamais demandé.',
  categories: 'Catégories',
  noCategories: 'Aucune catégorie pour l’instant.',
  topics: (count: number) => (count <= 1 ? `${count} sujet` : `${count} sujets`),
  welcome: (site: string) => `Bienvenue sur ${site}`,
  latest: 'Derniers sujets',
  noTopics: 'Aucun sujet pour l’instant.',
  topicMeta: (author: string, count: number, date: string) =>
    `par ${author} · ${count} ${count <= 1 ? 'message' : 'messages'} · dernière activité ${date}`,
  pinned: 'Épinglé',
  locked: 'Verrouillé',
  morePosts: 'Messages suivants',
  earlierPosts: 'Messages précédents',
  moreTopics: 'Plus de sujets',
  contentWarning: (warning: string) => `Avertissement : ${warning}. Ouvrir pour lire.`,
  deletedPost: 'Ce message a été supprimé.',
  hiddenPost: 'Ce message est masqué par la modération.',
  deletedAuthor: 'Message supprimé',
  anonymous: (label: string) => label.replace(/^Anonymous/, 'Anonyme'),
  notFound: 'Cette page n’existe pas.',
  badLink: 'Ce lien n’est pas valide.',
  backHome: 'Retour à l’accueil',
  replyPrompt: 'Connectez-vous pour répondre.',
  supportDesk: 'Un service d’aide : seuls vous et l’équipe voyez vos questions.',
  quickExit: 'Sortie rapide',
  quickExitHint: 'Quitter ce site tout de suite. Appuyer trois fois sur Échap fait de même.',
};

export type Lang = 'en' | 'fr';

/** The visitor's language from Accept-Language, as the client picks it from the browser: French first, else English. */
/** The visitor's first language when it is English or French, else the site's default language (its settings). */
export function pickLanguage(acceptLanguage: string | undefined, siteDefault: Lang = 'en'): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('fr')) return 'fr';
  return first.startsWith('en') ? 'en' : siteDefault;
}

export const WORDS: Record<Lang, Words> = { en, fr };
