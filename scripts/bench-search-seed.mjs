// Seeds the bench database up to SEARCH_POSTS posts for the search scenario, in SQL (the API would take
// minutes): topics of 20 posts in the bench category and in a private group space. Bodies are 25 to 60
// words like real text: 15% drawn from English or French harm-reduction vocabulary (so each of those
// words is in 3 to 7% of posts), the rest from 5,000 filler words with a Zipf-like (log-uniform)
// frequency, so that common and rare words both occur.
import pg from 'pg';

const ENGLISH = `naloxone overdose fentanyl housing shelter outreach supply safe testing strips kits pharmacy
  night shift van workers peer support harm reduction drug checking carfentanil benzodiazepine xylazine wound
  care clinic referral detox treatment methadone suboxone injection smoking pipes needles sharps disposal
  funding grant report meeting agenda training volunteers weather winter cold tent encampment police court
  rights advocacy stigma family grief memorial community health nurse doctor prescription pharmacy`.split(/\s+/);
const FRENCH = `naloxone surdose fentanyl logement refuge proximité approvisionnement sécuritaire analyse
  bandelettes trousses pharmacie nuit équipe camionnette travailleurs pairs soutien réduction méfaits drogues
  soins plaie clinique orientation désintoxication traitement méthadone injection inhalation pipes seringues
  financement subvention rapport réunion formation bénévoles hiver froid campement police droits défense
  stigmatisation famille deuil communauté santé infirmière médecin ordonnance`.split(/\s+/);

/** Adds topics and posts until the forum holds `target` posts; returns the private category's id. */
export async function seedSearchCorpus(databaseUrl, { target, categoryId, privateCategoryId }) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM posts')).rows;
    const topics = Math.ceil(Math.max(0, target - n) / 20);
    for (const [language, words] of [
      ['en', ENGLISH],
      ['fr', FRENCH],
    ]) {
      const count = Math.ceil(topics / 2);
      // One statement for topics, one for their posts; each body is 25 to 60 words drawn at random.
      await client.query(
        `WITH authors AS (SELECT array_agg(id) AS ids FROM users),
         new_topics AS (
           INSERT INTO topics (category_id, author_id, title, slug, last_post_at, post_count, language)
           SELECT CASE WHEN g % 10 = 0 THEN $4::uuid ELSE $3::uuid END, authors.ids[1 + g % cardinality(authors.ids)],
                  initcap(array_to_string(ARRAY(SELECT ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                                                  FROM generate_series(1, 5) WHERE g > 0), ' ')),
                  'bench-' || $5 || '-' || g, now(), 20, $5
             FROM generate_series(1, $1) g, authors
           RETURNING id, author_id)
         INSERT INTO posts (topic_id, number, author_id, body, html, language, created_at)
         SELECT t.id, s.number, t.author_id, body.text, '<p>' || body.text || '</p>', $5,
                -- Spread over a year, so both languages interleave in time as they do on a real forum.
                now() - random() * interval '365 days'
           FROM new_topics t CROSS JOIN generate_series(1, 20) AS s(number)
           CROSS JOIN LATERAL (
             SELECT array_to_string(ARRAY(
                      SELECT CASE WHEN random() < 0.15 THEN ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                                  ELSE 'filler' || floor(exp(random() * ln(5000)))::int END
                        FROM generate_series(1, 25 + (random() * 35)::int) WHERE s.number > 0 AND t.id IS NOT NULL), ' ') AS text
           ) body`,
        [count, words, categoryId, privateCategoryId, language],
      );
    }
    // As autovacuum would by then: the planner needs statistics to choose between the GIN index and recency.
    await client.query('ANALYZE');
    return (await client.query('SELECT count(*)::int AS n FROM posts')).rows[0].n;
  } finally {
    await client.end();
  }
}
