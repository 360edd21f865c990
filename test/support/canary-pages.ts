import type { CategoryDto, PageDto, TopicDto } from '@harbour/contracts';
import type { TestApp } from './app';

/** Where the private space's canary lives, and a public topic to compare with. */
export interface PagesCanary {
  canary: string;
  privateTopic: string;
  privateCategory: string;
}

/**
 * The server-rendered pages a visitor gets with no JavaScript (apps/api/src/pages): the home page, every
 * category and topic the API lists for a visitor, and the private space's own addresses (a topic, its
 * post links, later pages, its category). None may hold the canary; the private addresses answer the very
 * page of a missing one (404, byte for byte). Returns what went wrong, so the test prints every leak at once.
 */
export async function serverPageLeaks(t: TestApp, place: PagesCanary): Promise<string[]> {
  const problems: string[] = [];
  const missing = await t.http().get('/t/00000000-0000-4000-8000-000000000000');
  const home = await t.http().get('/');
  // The sweep proves something only if the pages are really rendered on the server.
  if (!home.text.includes('<div id="server-page">')) problems.push('/ is not server-rendered');
  const categories = (await t.http().get('/api/categories').expect(200)).body as { items: CategoryDto[] };
  const topics = (await t.http().get('/api/topics').expect(200)).body as PageDto<TopicDto>;
  const open = ['/', ...categories.items.map((c) => `/c/${c.id}`), ...topics.items.map((topic) => `/t/${topic.id}`)];
  for (const path of open) {
    const page = await t.http().get(path);
    if (page.status !== 200) problems.push(`${path} answered ${page.status}`);
    if (page.text.includes(place.canary)) problems.push(`${path} shows the canary`);
  }
  const hidden = [
    `/t/${place.privateTopic}`,
    `/t/a-slug/${place.privateTopic}`,
    `/t/a-slug/${place.privateTopic}/1`,
    `/t/${place.privateTopic}?before=2`,
    `/c/${place.privateCategory}`,
  ];
  for (const path of hidden) {
    const page = await t.http().get(path);
    if (page.status !== 404) problems.push(`${path} answered ${page.status}, not 404`);
    if (page.text !== missing.text) problems.push(`${path} is not the missing page`);
    if (page.text.includes(place.canary)) problems.push(`${path} shows the canary`);
  }
  return problems;
}
