import { Init1795327338622 } from './1795327338622-Init';
import { AddSiteInvitations1795330476696 } from './1795330476696-AddSiteInvitations';
import { AddForum1795331310142 } from './1795331310142-AddForum';
import { AddGroupsAndSearch1795335985604 } from './1795335985604-AddGroupsAndSearch';
import { AddPostsCreatedAtIndex1795337474043 } from './1795337474043-AddPostsCreatedAtIndex';
import { AddNotifications1796152914874 } from './1796152914874-AddNotifications';
import { AddModeration1796158291817 } from './1796158291817-AddModeration';
import { AddReviewHolds1796159229595 } from './1796159229595-AddReviewHolds';
import { AddSlowMode1796159486875 } from './1796159486875-AddSlowMode';
import { AddMailings1796168422713 } from './1796168422713-AddMailings';
import { AddModeratorNotesAndClaims1796160023802 } from './1796160023802-AddModeratorNotesAndClaims';
import { AddPostRevisionNumber1796229498952 } from './1796229498952-AddPostRevisionNumber';
import { HeldRepliesUnnumbered1796229660456 } from './1796229660456-HeldRepliesUnnumbered';
import { AddDeliveredMail1796232070337 } from './1796232070337-AddDeliveredMail';
import { AccountSelfService1796255865765 } from './1796255865765-AccountSelfService';
import { PostsByAuthor1796258659061 } from './1796258659061-PostsByAuthor';
import { Conversations1796282794492 } from './1796282794492-Conversations';
import { Uploads1796293256072 } from './1796293256072-Uploads';
import { TopicLists1796303835184 } from './1796303835184-TopicLists';
import { Drafts1796303841296 } from './1796303841296-Drafts';
import { WebPush1796304180088 } from './1796304180088-WebPush';
import { SiteIdentity1796316733382 } from './1796316733382-SiteIdentity';
import { AddTopicSurgery1796316669132 } from './1796316669132-AddTopicSurgery';
import { CategorySettings1796316782162 } from './1796316782162-CategorySettings';
import { WatchedWordResponses1796317159656 } from './1796317159656-WatchedWordResponses';
import { AnonymousPosting1796324630714 } from './1796324630714-AnonymousPosting';
import { DiscreetMode1796324760465 } from './1796324760465-DiscreetMode';
import { DrugSupplyAlerts1796325181863 } from './1796325181863-DrugSupplyAlerts';
import { RepliesByEmail1796339148719 } from './1796339148719-RepliesByEmail';
import { BouncesAndComplaints1796339229356 } from './1796339229356-BouncesAndComplaints';

/** Every migration, oldest first. `npm run migration:generate -- <Name>` writes a new one; add it here. */
export const MIGRATIONS = [
  Init1795327338622,
  AddSiteInvitations1795330476696,
  AddForum1795331310142,
  AddGroupsAndSearch1795335985604,
  AddPostsCreatedAtIndex1795337474043,
  AddNotifications1796152914874,
  AddModeration1796158291817,
  AddReviewHolds1796159229595,
  AddSlowMode1796159486875,
  AddModeratorNotesAndClaims1796160023802,
  AddMailings1796168422713,
  AddPostRevisionNumber1796229498952,
  HeldRepliesUnnumbered1796229660456,
  AddDeliveredMail1796232070337,
  AccountSelfService1796255865765,
  PostsByAuthor1796258659061,
  Conversations1796282794492,
  Uploads1796293256072,
  TopicLists1796303835184,
  Drafts1796303841296,
  WebPush1796304180088,
  AddTopicSurgery1796316669132,
  SiteIdentity1796316733382,
  CategorySettings1796316782162,
  WatchedWordResponses1796317159656,
  AnonymousPosting1796324630714,
  DiscreetMode1796324760465,
  DrugSupplyAlerts1796325181863,
  RepliesByEmail1796339148719,
  BouncesAndComplaints1796339229356,
];
