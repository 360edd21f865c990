import type { UserDto } from '@harbour/contracts';
import { AuthorName } from '../../shared/components/author-name';
import { Avatar } from '../../shared/components/avatar';

/** Who is in a conversation: each picture with the name (a link to the profile, plain for a member who left). */
export function Participants({ users, label }: { users: UserDto[]; label: string }) {
  return (
    <ul className="participants" aria-label={label}>
      {users.map((user) => (
        <li key={user.id}>
          <Avatar user={user} size={24} /> <AuthorName user={user} />
        </li>
      ))}
    </ul>
  );
}

/** The names as one line of text (inside a link, where nested links are not allowed). */
export function participantNames(users: UserDto[], myId: string | undefined): string {
  const others = users.filter((user) => user.id !== myId);
  return (others.length > 0 ? others : users).map((user) => user.displayName).join(', ');
}
