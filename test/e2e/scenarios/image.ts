// Scenario: "Stevedore: Build and Measure Image" on a naive apt Dockerfile builds it with the local podman, then the
// layer sizes stand at the ends of the RUN lines, the total on a lens above FROM, and the package lists written by
// `apt-get update` and deleted by a later RUN are reported on the line that wrote them (screenshot for README);
// "Measure this fix" on the merge-run finding reports what merging the RUNs saves.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Scenario } from '../lib/scenario';
import { waitFor } from '../lib/wait';
import { ensureImageDeps, podmanEnv } from '../../helpers/podman';

/** The fixture's images carry this label, so the scenario removes exactly what it built. */
const LABEL = 'stevedore.e2e=image-measure';

export const imageMeasure: Scenario = {
  slug: 'image-measure',
  title: '"Build and Measure Image" → layer sizes at the ends of the RUN lines, the total lens, the wasted-bytes finding; "Measure this fix"',
  fixture: 'image-measure',
  async setup({ settings }) {
    ensureImageDeps();
    // code-server's environment is shared by every window: the test-only containers.conf reaches podman through a
    // wrapper named in the (machine-scoped) path setting instead.
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'stevedore-e2e-podman-'));
    const wrapper = path.join(bin, 'podman');
    fs.writeFileSync(wrapper, `#!/bin/sh\nCONTAINERS_CONF='${podmanEnv().CONTAINERS_CONF}' exec podman "$@"\n`, { mode: 0o755 });
    settings['stevedore.build.engine'] = 'podman';
    settings['stevedore.build.podmanPath'] = wrapper;
    return async () => {
      const ids = spawnSync('podman', ['images', '-q', '--filter', `label=${LABEL}`], { env: podmanEnv(), encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      if (ids.length) spawnSync('podman', ['rmi', '--force', ...new Set(ids)], { env: podmanEnv(), stdio: 'ignore' });
      fs.rmSync(bin, { recursive: true, force: true });
    };
  },
  async run({ wb, shot }) {
    await wb.openFile('Dockerfile');
    await wb.waitForSquiggles(['warning']);
    await wb.runCommand('Stevedore: Build and Measure Image');
    await wb.waitForNotification(/Built with podman: image [\d.]+ MB/, 180_000);
    // Inlay hints are text in the editor's lines: each RUN line ends with its layer's size.
    await wb.waitForEditorText('layer sizes at the ends of the RUN lines', (t) => /apt-get update\s*\+[\d.]+ MB/.test(t) && /install -y curl\s*\+[\d.]+ MB/.test(t) && /FROM localhost\/debian:12\s*base [\d.]+ MB/.test(t));
    await wb.page.locator('.codelens-decoration', { hasText: /image [\d.]+ MB · \d+ layers · base [\d.]+ MB · [\d.]+ MB wasted/ }).first().waitFor({ timeout: 30_000 });
    await shot('image-sizes');
    // The lists `apt-get update` wrote and the last RUN deleted still ship: a finding of the measurement's own source.
    await wb.showProblems();
    await waitFor('the wasted-bytes entry in Problems', async () => (await wb.problemRows()).find((r) => r.some((l) => /MB written here still ship although a later layer removes them: \/var\/lib\/apt\/lists/.test(l))), 60_000);
    await wb.focusEditor();
    // "Measure this fix" next to merge-run's fix builds the merged RUN in a temporary copy and reports the saving.
    await wb.goToLine(4);
    await wb.codeAction('Measure this fix: Merge RUN instructions');
    await wb.waitForNotification(/Measure this fix \(Merge RUN instructions\): [\d.]+ MB → [\d.]+ MB, −[\d.]+ MB \(−[\d.]+ %\)/, 180_000);
    await shot('measure-fix');
  },
};
