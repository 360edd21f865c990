import { privateWrite, roles, adminOnly, type Fixtures, type Row } from './matrix';

/**
 * Matrix rows: categories managed by staff (api.md 1.1). Each DELETE acts on a fresh, empty category (or
 * space of the private group), so every role's call finds one to remove.
 */
export const CATEGORY_ROWS: Row[] = [
  {
    method: 'PATCH',
    path: '/api/categories/:id',
    url: (f) => `/api/categories/${f.category}`,
    body: { position: 0, color: '#1a7f5a', anonymous: 'off', topicsVisibleTo: 'everyone', replyAccess: 'everyone' },
    expect: adminOnly(200),
  },
  {
    method: 'PATCH',
    path: '/api/categories/:id',
    url: (f) => `/api/categories/${f.privateCategory}`,
    body: (f: Fixtures) => ({ position: 0, seeAccess: 'members', startAccess: 'members', sharedGroupIds: [f.group.id] }),
    // Group owners manage their spaces only; site moderators are not members of a private space (404).
    expect: { ...privateWrite(403), groupOwner: 200, admin: 200 },
  },
  {
    method: 'DELETE',
    path: '/api/categories/:id',
    url: async (f) => `/api/categories/${await f.freshCategory('site')}`,
    expect: adminOnly(204),
  },
  {
    method: 'DELETE',
    path: '/api/categories/:id',
    url: async (f) => `/api/categories/${await f.freshCategory('space')}`,
    expect: { ...privateWrite(403), groupOwner: 204, admin: 204 },
  },
  {
    method: 'DELETE',
    path: '/api/categories/:id',
    // A space with topics, nowhere named for them: refused to its owners too, before anything goes.
    url: (f) => `/api/categories/${f.privateCategory}`,
    expect: { ...privateWrite(403), groupOwner: 409, admin: 409 },
  },
  {
    method: 'DELETE',
    path: '/api/categories/:id',
    url: (f) => `/api/categories/${f.category}`,
    body: (f: Fixtures) => ({ moveTopicsTo: f.privateCategory }),
    // Site topics never go into a group's space: refused even to admins (a 400 naming moveTopicsTo).
    expect: roles(401, 403, { admin: 400 }),
  },
];
