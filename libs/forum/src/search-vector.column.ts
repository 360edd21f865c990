import { Column } from 'typeorm';

/**
 * A full-text index of one text column, kept by PostgreSQL as a generated column in the row's language
 * (`language`: 'fr' is stemmed as French, anything else as English). Never read into the app; its GIN
 * index is written by hand in the AddGroupsAndSearch migration.
 */
export function SearchVector(source: 'body' | 'title'): PropertyDecorator {
  return Column({
    name: 'search_vector',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `CASE WHEN language = 'fr' THEN to_tsvector('french', ${source}) ELSE to_tsvector('english', ${source}) END`,
  });
}
