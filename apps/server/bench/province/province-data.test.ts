import { describe, expect, it } from 'vitest';
import {
  generateProvince,
  monthReports,
  problemsPerScale,
  projectsPerScale,
  zipfSizes,
} from './province-data';

const tiny = { scale: 0.01, year: 2026 };

describe('province data set', () => {
  it('is the same province for the same seed and another for another seed', () => {
    const a = generateProvince(tiny);
    const b = generateProvince(tiny);
    expect(b).toEqual(a);
    expect(monthReports(b, 3)).toEqual(monthReports(a, 3));
    const other = generateProvince({ ...tiny, seed: 19 });
    expect(other.projects.map((p) => p.totalInvestmentWanYuan)).not.toEqual(
      a.projects.map((p) => p.totalInvestmentWanYuan),
    );
  });

  it('has one province, 10 cities of 10 counties each, with codes under their parents', () => {
    const { regions } = generateProvince(tiny);
    const cities = regions.filter((r) => r.level === 'city');
    const counties = regions.filter((r) => r.level === 'county');
    expect(regions.filter((r) => r.level === 'province')).toHaveLength(1);
    expect(cities).toHaveLength(10);
    expect(counties).toHaveLength(100);
    for (const city of cities) expect(counties.filter((c) => c.parentCode === city.code)).toHaveLength(10);
    for (const county of counties) expect(county.code.slice(0, 4)).toBe(county.parentCode!.slice(0, 4));
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('scales projects and problems with S and spreads projects unevenly over the counties', () => {
    const shape = generateProvince({ scale: 0.1, year: 2026 });
    expect(shape.projects).toHaveLength(projectsPerScale * 0.1);
    expect(shape.problems).toHaveLength(problemsPerScale * 0.1);
    const sizes = [...shape.countySizes.values()].sort((a, b) => b - a);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(1);
    expect(sizes[0]).toBeGreaterThan(10 * sizes.at(-1)!);
    for (const project of shape.projects) {
      expect(shape.owners[project.ownerIndex]!.countyCode).toBe(project.countyCode);
      expect(Number(project.plannedInvestmentWanYuan)).toBeLessThanOrEqual(
        Number(project.totalInvestmentWanYuan),
      );
    }
  });

  it('writes a report per project and month, mostly approved before December, December mostly open', () => {
    const shape = generateProvince({ scale: 0.1, year: 2026 });
    const share = (month: number, status: string) =>
      monthReports(shape, month).filter((r) => r.status === status).length / shape.projects.length;
    expect(monthReports(shape, 1)).toHaveLength(shape.projects.length);
    expect(share(5, 'approved')).toBeGreaterThan(0.85);
    expect(share(12, 'draft') + share(12, 'returned')).toBeGreaterThan(0.3);
    for (const r of monthReports(shape, 7)) expect(r.completedWanYuan).toMatch(/^\d+\.\d{4}$/);
    expect(monthReports(shape, 12).every((r) => !r.late || r.status !== 'draft')).toBe(true);
  });

  it('gives problems due dates after they were raised, some open and overdue on the as-of day', () => {
    const shape = generateProvince(tiny);
    for (const p of shape.problems) {
      expect(p.dueOn > p.raisedOn).toBe(true);
      expect(p.raisedOn < shape.asOf).toBe(true);
    }
    const overdue = shape.problems.filter(
      (p) => ['raised', 'accepted', 'in_progress'].includes(p.status) && p.dueOn < shape.asOf,
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(shape.problems.length);
  });

  it('splits a total exactly, every part at least one', () => {
    const random = () => 0.5;
    const sizes = zipfSizes(1_234, 100, 0.9, random);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_234);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
  });
});
