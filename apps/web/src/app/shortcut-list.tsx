import { Fragment } from 'react';
import { useTranslation } from '../i18n/use-translation';

/** Each row: the keys pressed one after the other (['g', 'h'] is "g then h"), and what they do. */

const GROUPS: { group: 'site' | 'topic' | 'moderation'; rows: [string[], string][] }[] = [
  {
    group: 'site',
    rows: [
      [['?'], 'help'],
      [['/'], 'search'],
      [['g', 'h'], 'home'],
      [['g', 'n'], 'notifications'],
      [['g', 'm'], 'messages'],
      [['g', 'b'], 'bookmarks'],
      // The quick exit (public/quick-exit.js): three in a row, in a field too.
      [['Esc', 'Esc', 'Esc'], 'quickExit'],
    ],
  },
  {
    group: 'topic',
    rows: [
      [['j'], 'nextPost'],
      [['k'], 'previousPost'],
      [['r'], 'reply'],
    ],
  },
  {
    group: 'moderation',
    rows: [
      [['j'], 'nextItem'],
      [['k'], 'previousItem'],
    ],
  },
];

/** The shortcuts as a description list per context: the keys (<kbd>) and what they do. */
export function ShortcutList() {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('design.shortcuts.intro')}</p>
      {GROUPS.map(({ group, rows }) => (
        <Fragment key={group}>
          <h3 className="shortcut-group">{t(`design.shortcuts.groups.${group}`)}</h3>
          <dl className="shortcut-list">
            {rows.map(([keys, action]) => (
              <Fragment key={action}>
                <dt>
                  {keys.map((key, step) => (
                    <Fragment key={step}>
                      {step > 0 && ` ${t('design.shortcuts.then')} `}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </dt>
                <dd>{t(`design.shortcuts.${action}`)}</dd>
              </Fragment>
            ))}
          </dl>
        </Fragment>
      ))}
    </>
  );
}
