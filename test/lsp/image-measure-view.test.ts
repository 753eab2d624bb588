// How a measured image reads in the editor, on hand-made measurements: inlay hint labels and positions, stale hints
// after edits (kept on moved instructions, dropped on edited ones), builder stages, the total lens, the hover's exact
// bytes, the fix delta, and wasted-bytes diagnostics on the instruction that wrote the bytes.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import type { ImageMeasurement } from '../../server/src/core/image/layer-map';
import { formatBytes, formatDelta, measurementHints, measurementHover, placeMeasurement, totalTitle } from '../../server/src/lsp/image-measure-view';
import { wastedDiagnostics } from '../../server/src/lsp/image-wasted';

const NAIVE = ['FROM localhost/debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl', 'CMD ["curl", "--version"]', ''].join('\n');

const naive: ImageMeasurement = {
  imageId: 'sha256:1',
  total: 158_884_012,
  layerCount: 3,
  base: { image: 'localhost/debian:12', bytes: 121_100_000, line: 0 },
  layers: [
    { line: 1, endLine: 1, keyword: 'RUN', bytes: 19_900_000, stage: 0, shipped: true },
    { line: 2, endLine: 2, keyword: 'RUN', bytes: 17_884_012, stage: 0, shipped: true },
    { line: 3, endLine: 3, keyword: 'CMD', bytes: 0, stage: 0, shipped: true },
  ],
  engine: 'podman',
  measuredAt: '2026-12-07T06:30:00.000Z',
  textHash: 'x',
};

const hintsOf = (m: ImageMeasurement, built: string, now: string) =>
  measurementHints(placeMeasurement(m, built, buildModel(now)), now).map((h) => [h.position.line, h.position.character, h.label]);

describe('image measurement in the editor', () => {
  before(() => initShellParser());

  it('formats bytes in decimal units as podman does, and a saving with its share', () => {
    assert.deepEqual([512, 8_700, 17_884_012, 158_884_012, 1_230_000_000].map(formatBytes), ['512 B', '8.7 kB', '17.9 MB', '158.9 MB', '1.2 GB']);
    assert.equal(formatDelta(158_884_012, 133_950_233), '−24.9 MB (−15.7 %)');
    assert.equal(formatDelta(100_000_000, 101_000_000), '+1.0 MB (+1.0 %)');
  });

  it('puts each layer at the end of its line and the base on FROM; metadata-only instructions show nothing', () => {
    assert.deepEqual(hintsOf(naive, NAIVE, NAIVE), [
      [0, 24, 'base 121.1 MB'],
      [1, 18, '+19.9 MB'],
      [2, 27, '+17.9 MB'],
    ]);
    const hints = measurementHints(placeMeasurement(naive, NAIVE, buildModel(NAIVE)), NAIVE);
    assert.equal(hints[2].tooltip, '17,884,012 bytes');
    assert.equal(totalTitle(naive, false), 'image 158.9 MB · 3 layers · base 121.1 MB');
  });

  it('marks the hints stale after an edit, keeping them on moved instructions and dropping an edited one', () => {
    const moved = NAIVE.replace('RUN apt-get update', 'ENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update');
    assert.deepEqual(hintsOf(naive, NAIVE, moved), [
      [0, 24, 'base ~121.1 MB (stale)'],
      [2, 18, '~19.9 MB (stale)'],
      [3, 27, '~17.9 MB (stale)'],
    ]);
    const edited = moved.replace('install -y curl', 'install -y wget');
    assert.deepEqual(hintsOf(naive, NAIVE, edited), [
      [0, 24, 'base ~121.1 MB (stale)'],
      [2, 18, '~19.9 MB (stale)'],
    ]);
    assert.equal(totalTitle(naive, true), 'image ~158.9 MB · 3 layers · base 121.1 MB (stale: build again)');
  });

  it('marks builder stages not shipped and ends a multi-line instruction\'s hint on its last line', () => {
    const text = ['FROM localhost/debian:12 AS build', 'RUN apt-get update && \\', '    apt-get install -y gcc', 'FROM localhost/debian:12-slim', 'COPY --from=build /usr/bin/gcc /usr/local/bin/', ''].join('\n');
    const m: ImageMeasurement = {
      ...naive,
      base: { image: 'localhost/debian:12-slim', bytes: 77_600_000, line: 3 },
      layers: [
        { line: 1, endLine: 2, keyword: 'RUN', bytes: 60_000_000, stage: 0, shipped: false },
        { line: 4, endLine: 4, keyword: 'COPY', bytes: 1_200_000, stage: 1, shipped: true },
      ],
    };
    assert.deepEqual(hintsOf(m, text, text), [
      [2, 26, '+60.0 MB (not shipped)'],
      [3, 29, 'base 77.6 MB'],
      [4, 46, '+1.2 MB'],
    ]);
    const hover = measurementHover(m, placeMeasurement(m, text, buildModel(text)), 1);
    assert.match(hover ?? '', /\*\*Layer\*\* RUN: 60,000,000 bytes \(60\.0 MB\) \(builder stage: not shipped in the final image\)/);
  });

  it('hovers the exact bytes of a layer and of the base with the total, and says when they are stale', () => {
    const placement = placeMeasurement(naive, NAIVE, buildModel(NAIVE));
    assert.match(measurementHover(naive, placement, 2) ?? '', /^\*\*Layer\*\* RUN: 17,884,012 bytes \(17\.9 MB\)\n\nMeasured with podman, 2026-12-07 06:30:00 UTC\.$/);
    const from = measurementHover(naive, placement, 0) ?? '';
    assert.match(from, /\*\*Base image\*\* `localhost\/debian:12`: 121,100,000 bytes/);
    assert.match(from, /\*\*Image\*\* 158,884,012 bytes \(158\.9 MB\) in 3 layers/);
    assert.equal(measurementHover(naive, placement, 3), undefined, 'CMD adds no layer');
    const stale = placeMeasurement(naive, NAIVE, buildModel(NAIVE + 'USER nobody\n'));
    assert.match(measurementHover(naive, stale, 2) ?? '', /The file changed since: run \*\*Stevedore: Build and Measure Image\*\* again\./);
  });

  it('reports wasted bytes on the instruction that wrote them, with the rule that avoids them', () => {
    const withCleanup = NAIVE.replace('CMD', 'RUN rm -rf /var/lib/apt/lists/* /tmp/cache\nCMD');
    const m: ImageMeasurement = {
      ...naive,
      layers: [...naive.layers.slice(0, 2), { line: 3, endLine: 3, keyword: 'RUN', bytes: 8_700, stage: 0, shipped: true }, { line: 4, endLine: 4, keyword: 'CMD', bytes: 0, stage: 0, shipped: true }],
      wasted: {
        layers: [0, 1, 2, 3].map((index) => ({ index, bytes: 1, files: 1 })),
        wasted: [
          { path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', bytes: 19_000_000, layer: 1, removedBy: 3, how: 'deleted' },
          { path: '/var/lib/apt/lists/lock', bytes: 500_000, layer: 1, removedBy: 3, how: 'deleted' },
          { path: '/tmp/cache/a', bytes: 2_000, layer: 2, removedBy: 3, how: 'deleted' },
          // The base's dpkg status, rewritten by the install: not the Dockerfile's to avoid, no finding.
          { path: '/var/lib/dpkg/status', bytes: 90_000, layer: 0, removedBy: 2, how: 'overwritten' },
        ],
        wastedBytes: 19_592_000,
        finalBytes: 139_000_000,
        shippedBytes: 158_500_000,
        efficiency: 0.877,
      },
    };
    const diagnostics = wastedDiagnostics(m, placeMeasurement(m, withCleanup, buildModel(withCleanup)));
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.code, d.source, d.message]),
      [
        [1, 'apt-lists-not-cleaned', 'stevedore image', '19.5 MB written here still ship although a later layer removes them: /var/lib/apt/lists 19.5 MB (2 files, deleted by line 4).'],
        [2, 'cleanup-in-later-layer', 'stevedore image', '2.0 kB written here still ship although a later layer removes them: /tmp/cache/a 2.0 kB (1 file, deleted by line 4).'],
      ],
    );
    assert.equal(totalTitle(m, false), 'image 158.9 MB · 3 layers · base 121.1 MB · 19.6 MB wasted · efficiency 87.7 %');
  });
});
