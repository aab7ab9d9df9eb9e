/** The calendar module's public face: what other modules may import. */
export { loadHolidayCalendar } from './calendar';
export { registerCalendarRoutes } from './calendar.routes';
