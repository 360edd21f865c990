import { Init1795327338622 } from './1795327338622-Init';

/** Every migration, oldest first. `npm run migration:generate -- <Name>` writes a new one; add it here. */
export const MIGRATIONS = [Init1795327338622];
