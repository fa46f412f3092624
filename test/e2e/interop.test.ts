import { readFileSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { createMap, type CreatedMap } from '../helpers/relay';
import { buildXlsx } from '../model/io/xlsx-build';
import { userContext } from './browser';
import { appHarness } from './harness';

/** Excel in through the Import dialog, Excel, GEXF and DOT out through the Export dialog. */
const app = appHarness();
const factors = (page: Page) => page.locator('[data-testid="factor"]');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A message only the Excel reader's code holds (src/model/io/xlsx/scan.ts): tells whether it was loaded. */
const EXCEL_CODE_MARK = 'which a workbook never has';

async function open(m: CreatedMap) {
  const context = await userContext(app.browser);
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: Response[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r);
  });
  await page.goto(`${app.relay.url}${m.editUrl}`);
  await expect.poll(() => page.getByTestId('canvas').count()).toBe(1);
  const excelLoaded = async () => {
    for (const r of scripts) if ((await r.text().catch(() => '')).includes(EXCEL_CODE_MARK)) return true;
    return false;
  };
  return { context, page, errors, excelLoaded };
}

async function mapJson(m: CreatedMap): Promise<{ factors: { label: string }[]; links: unknown[] }> {
  return (await (await fetch(`${app.relay.url}/api/maps/${m.id}/export.json?token=${m.viewToken}`)).json()) as never;
}

const kumuBook = buildXlsx([
  { name: 'Elements', rows: [['Label', 'Type', 'Tags'], ['Sécheresse', 'Environnement', null], ['Récoltes', null, 'agriculture|revenus'], null, ['Exode rural', null, null]] },
  { name: 'Connections', rows: [['From', 'To', 'Type'], ['Sécheresse', 'Récoltes', '-'], ['Récoltes', 'Exode rural', '-']] },
]);

describe('Excel and network files through the dialogs', () => {
  it('imports a Kumu workbook from the file picker, loading the Excel code only then', async () => {
    const m = await createMap(app.relay, 'Excel');
    const { context, page, errors, excelLoaded } = await open(m);
    expect(await excelLoaded()).toBe(false);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'kumu.xlsx', mimeType: XLSX, buffer: Buffer.from(kumuBook) });
    await expect.poll(() => factors(page).count()).toBe(3);
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-outcome')).toBe('done');
    expect(await page.getByTestId('import-report').textContent()).toContain('3 facteurs et 2 liens importés');
    await expect.poll(async () => (await mapJson(m)).links.length).toBe(2);
    expect(await excelLoaded()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a bad workbook naming sheet, row and column in French, and changes nothing', async () => {
    const m = await createMap(app.relay, 'Excel refusé');
    const { context, page, errors } = await open(m);
    await page.getByTestId('open-import').click();
    const bad = buildXlsx([{ name: 'Liens', rows: [['Cause', 'Effet', 'Polarité'], ['A', 'B', '+'], ['B', 'C', 'peut-être']] }]);
    await page.getByTestId('import-file').setInputFiles({ name: 'liens.xlsx', mimeType: XLSX, buffer: Buffer.from(bad) });
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getAttribute('data-outcome')).toBe('failed');
    expect(await report.textContent()).toContain('feuille « Liens », ligne 3, colonne C : polarité inconnue « peut-être »');
    expect(await factors(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the workbook, GEXF and DOT from the Export dialog', async () => {
    const m = await createMap(app.relay, 'Export Excel');
    const { context, page } = await open(m);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'kumu.xlsx', mimeType: XLSX, buffer: Buffer.from(kumuBook) });
    await expect.poll(() => factors(page).count()).toBe(3);
    await page.keyboard.press('Escape');
    await page.getByTestId('open-export').click();
    const download = async (testId: string) => {
      const waiting = page.waitForEvent('download', { timeout: 60_000 });
      await page.getByTestId(testId).click();
      const file = await waiting;
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const xlsx = await download('export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const sheets = await readXlsxFile(xlsx.bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['Facteurs', 'Liens', 'Boucles', 'Récits']);
    expect(sheets[0]!.data.slice(1).map((r) => r[0]).sort()).toEqual(['Exode rural', 'Récoltes', 'Sécheresse']);
    expect(sheets[1]!.data).toHaveLength(3);
    const gexf = await download('export-gexf');
    expect(gexf.bytes.toString('utf8').match(/<node /g)).toHaveLength(3);
    const dot = await download('export-dot');
    expect(dot.bytes.toString('utf8').match(/ -> /g)).toHaveLength(2);
    await context.close();
  });
});
