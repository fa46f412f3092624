import { FollowBanner } from './follow/FollowBanner';
import { Follow } from './follow/Follow';
import { PublishView } from './follow/PublishView';
import { GroupOverlay } from './groups/GroupOverlay';
import './i18n';
import { IconPicker, PictogramButton } from './pictograms/IconPicker';
import { ProjectorHud } from './projector/ProjectorHud';
import { ProjectorMode } from './projector/ProjectorMode';
import { VoteNotice } from './voting/VoteNotice';
import { VoteOverlay } from './voting/VoteOverlay';
import { ViewOverlay } from './views/ViewOverlay';
import './workshop.css';

/**
 * The always-mounted part of workshop mode, beside the canvas: keys, presence for following,
 * the overlays of views, votes and groups, projector mode, and their small on-map controls.
 */
export default function WorkshopCanvas() {
  return (
    <>
      <PublishView />
      <Follow />
      <ProjectorMode />
      <ViewOverlay />
      <VoteOverlay />
      <GroupOverlay />
      <div className="ws-overlay-top">
        <FollowBanner />
        <VoteNotice />
      </div>
      <ProjectorHud />
      <PictogramButton />
      <IconPicker />
    </>
  );
}
