import type { EvidencePhoto } from '@tuijin/contracts';
import { chinaDate, milestonePhotoWindow } from '@tuijin/domain';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Clock } from '../../context';
import type { Queryable } from '../../db/database';
import { milestoneNodes, projectFiles, projects } from '../../db/schema';
import { type ProjectFileRow, type SitePhoto, sitePhotoEvidence } from '../project-files';
import type { NodeRow } from './milestones.queries';

/**
 * The evidence files of a project's reached nodes, each with what a photo's own time and place say
 * against the project's site and the node's window (domain `milestonePhotoWindow`: the 7 days up to
 * the day reached, not after today). A document has no findings. Keyed by node id.
 */
export async function nodeEvidenceFiles(
  ctx: { db: Queryable; clock: Clock },
  projectId: string,
  nodes: readonly NodeRow[],
): Promise<Map<string, EvidencePhoto>> {
  const result = new Map<string, EvidencePhoto>();
  const withFile = nodes.filter((n) => n.actualFileId !== null && n.actualOn !== null);
  if (withFile.length === 0) return result;
  const [project] = await ctx.db
    .select({ regionPath: projects.regionPath, latitude: projects.latitude, longitude: projects.longitude })
    .from(projects)
    .where(eq(projects.id, projectId));
  const files = await ctx.db
    .select()
    .from(projectFiles)
    .where(
      and(
        inArray(
          projectFiles.id,
          withFile.map((n) => n.actualFileId!),
        ),
        isNull(projectFiles.deletedAt),
      ),
    );
  const evidence = await sitePhotoEvidence(ctx, project!);
  for (const node of withFile) {
    const file = files.find((f) => f.id === node.actualFileId);
    if (!file) continue;
    const window = milestonePhotoWindow(node.actualOn!, evidence.today);
    result.set(node.id, {
      id: file.id,
      projectId: file.projectId,
      name: file.originalName,
      kind: file.kind,
      hasThumbnail: file.thumbnailName !== null,
      takenAt: file.takenAt?.toISOString() ?? null,
      latitude: file.latitude,
      longitude: file.longitude,
      distanceKm: evidence.distanceKm(file),
      window,
      evidence: evidence.findings(file, window),
    });
  }
  return result;
}

/**
 * The nodes' evidence photos of a project (its 形象进度): each reached node whose evidence is a live
 * photo, labelled 「节点：主体封顶」, documenting the day reached, in the node's window. The caller
 * has checked the reader may see the project.
 */
export async function milestonePhotosOfProject(
  ctx: { db: Queryable; clock: Clock },
  projectId: string,
): Promise<SitePhoto[]> {
  const rows: { node: NodeRow; file: ProjectFileRow }[] = await ctx.db
    .select({ node: milestoneNodes, file: projectFiles })
    .from(milestoneNodes)
    .innerJoin(projectFiles, eq(projectFiles.id, milestoneNodes.actualFileId))
    .where(
      and(
        eq(milestoneNodes.projectId, projectId),
        isNotNull(milestoneNodes.actualOn),
        eq(projectFiles.kind, 'photo'),
        isNull(projectFiles.deletedAt),
      ),
    )
    .orderBy(asc(milestoneNodes.actualOn), asc(milestoneNodes.sortOrder));
  const today = chinaDate(ctx.clock.now());
  return rows.map(({ node, file }) => ({
    file,
    source: 'milestone' as const,
    sourceId: node.id,
    sourceLabel: `节点：${node.name}`,
    documentsOn: node.actualOn!,
    window: milestonePhotoWindow(node.actualOn!, today),
  }));
}
