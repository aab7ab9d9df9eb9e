/** The campaigns module's public face: what other modules may import. */
export { createCampaignEvent } from './campaign-events';
export { campaignOverview } from './campaign-overview';
export { campaignFiguresIn } from './campaign-region-figures';
export { createCampaign } from './campaigns';
export { campaignEventRef } from './campaigns.queries';
export { registerCampaignRoutes } from './campaigns.routes';
