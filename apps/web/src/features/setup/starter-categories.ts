import type { Locale } from '@harbour/contracts';

export interface StarterCategory {
  name: string;
  description: string;
}

/**
 * The harm-reduction preset the first admin starts from (issue 19): the network's own content, in the site's
 * default language, which the admin edits before anything is created.
 */
export const HARM_REDUCTION_CATEGORIES: Record<Locale, StarterCategory[]> = {
  en: [
    { name: 'Announcements', description: 'News from the network: meetings, campaigns, changes to this site.' },
    {
      name: 'Drug checking and supply alerts',
      description: 'What drug-checking services are finding, and warnings about the local supply. Share what you saw, never who.',
    },
    { name: 'Peer support', description: 'Ask, share and look out for each other. Be kind; no judgement here.' },
    { name: 'Policy and advocacy', description: 'Laws, decriminalization, safer supply, and what we are pushing for together.' },
    { name: 'Resources', description: 'Naloxone, drug-checking sites, harm-reduction guides, crisis lines and services near you.' },
  ],
  fr: [
    { name: 'Annonces', description: 'Nouvelles du réseau : rencontres, campagnes, changements sur ce site.' },
    {
      name: 'Analyse de drogues et alertes',
      description:
        'Ce que trouvent les services d’analyse, et les alertes sur l’approvisionnement local. Partagez ce que vous avez vu, jamais qui.',
    },
    { name: 'Soutien entre pairs', description: 'Demandez, partagez, veillez les uns sur les autres. Sans jugement.' },
    {
      name: 'Politiques et défense des droits',
      description: 'Lois, décriminalisation, approvisionnement sécuritaire, et nos luttes communes.',
    },
    {
      name: 'Ressources',
      description: 'Naloxone, sites d’analyse, guides de réduction des méfaits, lignes de crise et services près de chez vous.',
    },
  ],
};
