import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFactor, addLink, readSnapshot } from '../../src/model';
import { connectClient, createMap, whenSynced } from '../helpers/relay';
import { userContext } from './browser';
import { appHarness } from './harness';

const app = appHarness();

describe('a view link', () => {
  it('shows the factors and links but cannot change the map', async () => {
    const map = await createMap(app.relay, 'Lecture');
    const doc = new Y.Doc();
    const editor = connectClient(app.relay, map.id, map.editToken, doc);
    await whenSynced(editor);
    const a = addFactor(doc, { label: 'Sécheresse', x: 0, y: 0 });
    const b = addFactor(doc, { label: 'Transhumance précoce', x: 300, y: 80 });
    addLink(doc, { source: a, target: b, polarity: '-' });

    const context = await userContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.relay.url}${map.viewUrl}`);
    await expect.poll(() => page.locator('[data-testid="factor"]').count()).toBe(2);
    const marker = page.getByTestId('link-polarity');
    await expect.poll(() => marker.count()).toBe(1);
    expect(await page.getByText('Lecture seule').count()).toBe(1);

    await marker.click();
    await page.mouse.dblclick(640, 600);
    await page.keyboard.press('n');
    // Sentinel: a selection the viewer makes after those attempts reaches the editor through
    // the relay (presence), on the same socket as any edit they would have sent; once it is
    // there, an edit let through would be there too, and the page has handled every event.
    await page.locator('[data-testid="factor"][data-label="Sécheresse"]').click();
    await expect.poll(() => [...editor.awareness.getStates().entries()]
      .some(([id, s]) => id !== doc.clientID && Array.isArray(s.selection) && s.selection.includes(a))).toBe(true);
    expect(await marker.getAttribute('data-polarity')).toBe('-');
    expect(await page.locator('[data-testid="factor"]').count()).toBe(2);
    const snap = readSnapshot(doc);
    expect(snap.factors).toHaveLength(2);
    expect(snap.links[0]?.polarity).toBe('-');
    editor.destroy();
    await context.close();
  });
});
