import { readFileSync } from 'node:fs';
import type { Problem, ProblemPage } from '@tuijin/contracts';
import { describe, expect, it } from 'vitest';
import { e2eServer, screenshot, signedInPages } from './browser';
import { sitePhoto } from './fixtures';

const { baseUrl } = e2eServer();
const signIn = signedInPages(baseUrl);
const housingName = '宁德市住房和城乡建设局';

describe('supervision letters and attachments on a problem', () => {
  it('the city office issues a 督办单 on an overdue problem, downloads it and records delivery; the department attaches evidence and replies', async () => {
    const office = await signIn('ningde', 'desktop', null);
    // An open problem past its deadline that 住建局 handles (the demo's department account works there).
    const answer = await office.request.get(`${baseUrl}/api/problems?overdue=true&pageSize=100`);
    expect(answer.status()).toBe(200);
    const overdue = ((await answer.json()) as ProblemPage).data;
    const problem = overdue.find((p: Problem) => p.handlerOrganisationName === housingName);
    expect(problem, 'the demo holds an overdue problem handled by 住建局').toBeDefined();

    await office.goto(`${baseUrl}/problems/${problem!.id}`);
    const letters = office.getByTestId('problem-letters');
    await letters.getByRole('button', { name: /发函/ }).click();
    await letters.locator('form').getByText('督办单', { exact: true }).click();
    await letters.getByLabel('督办事项').fill('请于限期内出具施工许可审查意见并书面回复。');
    await letters.getByRole('button', { name: '发函', exact: true }).click();
    await office.getByText(/已发函 督办〔\d{4}〕\d+号/).waitFor();
    const letter = letters
      .getByTestId('problem-letter')
      .filter({ hasText: '请于限期内出具施工许可审查意见' });
    await letter.getByText(housingName).waitFor();
    await letter.getByText('已签发').waitFor();

    const [download] = await Promise.all([
      office.waitForEvent('download'),
      letter.getByRole('link', { name: /下载 Word/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await letter.getByRole('button', { name: '登记送达' }).click();
    await letter.getByText('已送达').waitFor();
    await office.getByTestId('problem-timeline').locator('[data-action="sendLetter"]').first().waitFor();
    await screenshot(office, 'problem-letter-issued');

    const department = await signIn('zhujian', 'desktop', `${baseUrl}/problems/${problem!.id}`);
    const attachments = department.getByTestId('problem-attachments');
    await attachments
      .locator('input[type=file]')
      .setInputFiles({ name: '整改现场.jpg', mimeType: 'image/jpeg', buffer: sitePhoto });
    await attachments.getByText('整改现场.jpg').waitFor();

    const theirLetter = department
      .getByTestId('problem-letter')
      .filter({ hasText: '请于限期内出具施工许可审查意见' });
    await theirLetter.getByLabel('回复内容（落实情况）').fill('审查意见已出具，见附件照片。');
    await theirLetter.getByRole('button', { name: '提交回复' }).click();
    await theirLetter.getByText('已回复', { exact: true }).waitFor();
    await theirLetter.getByText('审查意见已出具，见附件照片。').waitFor();
    await department.getByTestId('problem-timeline').locator('[data-action="replyLetter"]').first().waitFor();
    await screenshot(department, 'problem-letter-replied');

    // The office sees the reply and the attachment too.
    await office.reload();
    await office.getByTestId('problem-attachments').getByText('整改现场.jpg').waitFor();
    await office
      .getByTestId('problem-letter')
      .filter({ hasText: '请于限期内出具施工许可审查意见' })
      .getByText('审查意见已出具，见附件照片。')
      .waitFor();
  });
});
