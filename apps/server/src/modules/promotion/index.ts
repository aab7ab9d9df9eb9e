/** The promotion module's public face: what other modules may import. */
export { convertPromotionLead } from './convert-lead';
export { createPromotionLead } from './create-lead';
export { dropPromotionLead } from './drop-lead';
export { linkPromotionLead } from './link-lead';
export { movePromotionLead } from './move-lead';
export { registerPromotionRoutes } from './promotion.routes';
export { promotionOverview } from './promotion-overview';
export { savePromotionSettings } from './promotion-settings';
export { updatePromotionLead } from './update-lead';
