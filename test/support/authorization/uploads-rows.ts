import type { TestApp } from '../app';
import type { TestMember } from '../factories';
import { newReply } from '../forum';
import { fileLinkMarkdown, pictureMarkdown, screenshot, upload } from '../uploads';
import type { ConversationFixtures } from './conversations-rows';
import { everyone, MISSING, privateRead, roles, signedIn, type Expectation, type Fixtures, type MatrixRole, type Row } from './matrix';

/** Files the rows fetch, each used in one place only (or nowhere), by someone the rows do not rely on owning it. */
export interface UploadFixtures {
  /** A small PNG, for the rows that upload a picture. */
  png: Buffer;
  /** A picture in a reply by the public topic's author (the victim). */
  inPublicPost: string;
  /** A document in the bystander's reply in the private group's topic. */
  inPrivateSpace: string;
  /** A picture the silenced member sent (before being silenced) to the member: the member reads it as a participant. */
  inConversation: string;
  /** A document the group's owner sent in the group's inbox (the member, the silenced member and the group's staff). */
  inInbox: string;
  /** A picture the outsider uploaded and used nowhere. */
  unused: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF');

/** Made before the silenced member is silenced (they upload one). */
export async function uploadFixtures(
  t: TestApp,
  members: Partial<Record<MatrixRole, TestMember>>,
  place: { victim: TestMember; bystander: TestMember; topic: string; privateTopic: string; conversations: ConversationFixtures },
): Promise<UploadFixtures> {
  const png = await screenshot();
  const send = (from: TestMember, conversation: string, body: string) =>
    t.http().post(`/api/conversations/${conversation}/messages`).set(from.auth).send({ body }).expect(201);
  const inPublicPost = await upload(t, place.victim, png, 'public.png');
  await newReply(t, place.victim, place.topic, pictureMarkdown(inPublicPost));
  const inPrivateSpace = await upload(t, place.bystander, PDF, 'group plan.pdf');
  await newReply(t, place.bystander, place.privateTopic, fileLinkMarkdown(inPrivateSpace));
  const inConversation = await upload(t, members.silenced!, png, 'letter.png');
  await send(members.silenced!, place.conversations.between.id, pictureMarkdown(inConversation));
  const inInbox = await upload(t, members.groupOwner!, PDF, 'answer.pdf');
  await send(members.groupOwner!, place.conversations.inbox.id, fileLinkMarkdown(inInbox));
  const unused = await upload(t, members.outsider!, png, 'draft.png');
  return {
    png,
    inPublicPost: inPublicPost.id,
    inPrivateSpace: inPrivateSpace.id,
    inConversation: inConversation.id,
    inInbox: inInbox.id,
    unused: unused.id,
  };
}

/**
 * A file answers 200 where a post or message using it is seen, else the missing file's 404 (never 401 or 403:
 * those would tell a file is there). The silenced member reads what the member reads (matrix.ts).
 */
const participants = (overrides: Partial<Expectation>): Expectation => roles(404, 404, overrides);

/** Fetching a file and its thumbnail (a document's is the document), for one file of UploadFixtures. */
function fetchRows(file: (f: Fixtures) => string, expect: Expectation): Row[] {
  return [
    { method: 'GET', path: '/api/uploads/:id', url: (f) => `/api/uploads/${file(f)}`, expect },
    { method: 'GET', path: '/api/uploads/:id/thumbnail', url: (f) => `/api/uploads/${file(f)}/thumbnail`, expect },
  ];
}

/** Matrix rows of issue 17 (uploads): every route × every role. */
export const UPLOAD_ROWS: Row[] = [
  // Whoever may post uploads; the silenced member is refused (403), the suspended one's token is dead (401).
  { method: 'POST', path: '/api/uploads', file: (f) => ({ name: 'matrix.png', bytes: f.uploads.png }), expect: signedIn(201) },
  {
    method: 'POST',
    path: '/api/uploads',
    file: () => ({ name: 'matrix notes.txt', bytes: Buffer.from('Notes\n') }),
    expect: signedIn(201),
  },
  ...fetchRows((f) => f.uploads.inPublicPost, everyone(200)),
  // The group's roles and admins (who see every space); the site's moderator is an outsider here.
  ...fetchRows((f) => f.uploads.inPrivateSpace, privateRead(200)),
  // Only the conversation's participants: no staff, site or group, and not the admin.
  ...fetchRows((f) => f.uploads.inConversation, participants({ member: 200 })),
  ...fetchRows((f) => f.uploads.inInbox, participants({ member: 200, groupModerator: 200, groupOwner: 200 })),
  ...fetchRows((f) => f.uploads.unused, participants({ outsider: 200 })),
  ...fetchRows(() => MISSING, everyone(404)),
  ...fetchRows(() => 'not-an-id', everyone(404)),
];
