/**
 * Whether the member (the SQL of their id) turned push details on (notification_settings, notifications'
 * table): other libs that push (alerts) word their pushes by it, in their own query.
 */
export function pushDetailsSql(userIdSql: string): string {
  return `coalesce((SELECT ns.push_details FROM notification_settings ns WHERE ns.user_id = ${userIdSql}), false)`;
}
