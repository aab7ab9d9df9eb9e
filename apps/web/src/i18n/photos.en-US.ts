import type { photosZhCN } from './photos.zh-CN';

/** en-US texts of site photos (same keys as photos.zh-CN.ts). */
export const photosEnUS: typeof photosZhCN = {
  photos: {
    evidence: {
      tooFar: '{{km}} km from the project',
      tooOld: 'Taken {{takenOn}}, before {{earliestOn}}',
      inFuture: 'Taken {{takenOn}}, after {{latestOn}}',
      noLocation: 'No location',
      noTime: 'No capture time',
      hints: {
        tooFar:
          'The photo was taken {{km}} km from the project, beyond the jurisdiction’s {{max}} km threshold',
        tooOld:
          'The photo was taken on {{takenOn}}, before {{earliestOn}}, the first day it should date from',
        inFuture:
          'The photo was taken on {{takenOn}}, after {{latestOn}}, the last day it should date from (never after today)',
        noLocation: 'The photo has no GPS position; its place cannot be checked',
        noTime: 'The photo has no capture time; its date cannot be checked',
      },
      summary: '{{count}} photos carry evidence warnings (warnings only, please check)',
      window: 'Should be taken {{earliestOn}} to {{latestOn}}',
    },
    timeline: {
      month: '{{year}}-{{month}}',
      intro:
        'The project’s site photos from every source (monthly reports, field visits, node evidence) month by month; each photo’s own capture time and GPS place are checked against the project’s coordinates and the dates it should be taken in, and differences are flagged.',
      year: 'Year',
      allYears: 'All years',
      onlyFlagged: 'Only flagged',
      summary: '{{total}} photos, {{flagged}} with warnings',
      threshold: 'Distance threshold {{km}} km',
      noCoordinates: 'The project has no coordinates; distances are not checked',
      monthCount: '{{count}} photos',
      monthFlagged: '{{count}} flagged',
      empty: 'No site photos yet',
      emptyFlagged: 'No flagged photos',
      takenAt: 'Taken {{at}}',
      datedByDocument: 'No capture time; placed by {{on}}',
      place: '{{km}} km from the project',
      placeNoSite: 'Has a place (project has no coordinates)',
      sources: {
        report: 'Report',
        visit: 'Visit',
        milestone: 'Node',
        inspection: 'Inspection',
        rectification: 'Rectification',
      },
      download: 'Download original',
    },
    visit: {
      title: 'Visit photos · {{date}} {{name}}',
      count: '{{count}} photos',
      none: 'This visit has no photos',
      judgedAgainst: 'Checked against the nearest visited project “{{name}}”',
      open: 'View photos',
    },
    node: {
      evidence: 'Evidence',
      flaggedTitle: 'The evidence photo carries warnings',
      flaggedBody:
        'Recorded. The evidence photo “{{name}}” disagrees with the project’s place or the date reached; reviewers will see:',
    },
  },
};
