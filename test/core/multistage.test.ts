// The multi-stage converter (core/dockerfile/multistage): each ecosystem's single-stage file becomes a `build` stage and a
// runtime stage that parse, keep EXPOSE and CMD, and no longer trip build-tools-in-final-stage.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildModel } from '../../server/src/core/dockerfile/model';
import { convertToMultiStage } from '../../server/src/core/dockerfile/multistage';
import { initShellParser } from '../../server/src/core/dockerfile/shell';
import { buildToolsInFinalStage } from '../../server/src/rules/dockerfile/build-tools-in-final-stage';
import { syntax } from '../../server/src/rules/dockerfile/syntax';
import { C, df, GO, MAVEN, NODE, PYTHON } from '../fixtures/single-stage-dockerfiles';
import { runRule } from '../helpers/ruleTable';

describe('convertToMultiStage', () => {
  before(() => initShellParser());

  const withCmd: Record<string, string> = {
    go: GO,
    node: NODE,
    python: PYTHON,
    java: MAVEN.replace('EXPOSE 8080\n', 'EXPOSE 8080\nCMD ["java", "-jar", "target/app.jar"]\n'),
    c: C,
    rust: df('FROM rust:1.77', 'WORKDIR /usr/src/app', 'COPY . .', 'RUN cargo build --release', 'EXPOSE 7000', 'CMD ["./target/release/app"]'),
  };
  for (const [eco, text] of Object.entries(withCmd)) {
    it(`convertToMultiStage (${eco}) gives two parsing stages that keep EXPOSE and CMD`, () => {
      const out = convertToMultiStage(text);
      assert.ok(out, 'converted');
      const model = buildModel(out);
      assert.equal(model.stages.length, 2);
      assert.equal(model.stages[0].name, 'build');
      assert.deepEqual(runRule(syntax, { text: out }), []);
      const runtime = model.stages[1].instructions.map((i) => i.getKeyword());
      const original = buildModel(text).stages[0].instructions;
      const expose = original.find((i) => i.getKeyword() === 'EXPOSE');
      assert.ok(expose && model.stages[1].instructions.some((i) => i.getKeyword() === 'EXPOSE' && i.toString() === expose.toString()), 'EXPOSE kept');
      assert.ok(runtime.includes('CMD'), 'CMD kept');
      assert.deepEqual(runRule(buildToolsInFinalStage, { text: out }), []);
    });
  }

  it('Java keeps a named jar and rewrites the CMD that runs it', () => {
    const out = convertToMultiStage(withCmd.java) ?? '';
    assert.match(out, /^COPY --from=build \/app\/target\/app\.jar \/app\/app\.jar$/m);
    assert.match(out, /^CMD \["java", "-jar", "\/app\/app\.jar"\]$/m);
    assert.doesNotMatch(out, /ENTRYPOINT/);
  });

  it('returns null for multi-stage files and for commands it cannot rewrite safely', () => {
    assert.equal(convertToMultiStage('FROM golang:1.22 AS b\nRUN go build .\nFROM scratch\n'), null);
    assert.equal(convertToMultiStage(df('FROM golang:1.22', 'RUN go build -o server .', 'CMD ./server 2>&1 | tee log')), null);
  });
});
