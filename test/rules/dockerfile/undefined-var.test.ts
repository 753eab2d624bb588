import { undefinedVar } from '../../../server/src/rules/dockerfile/undefined-var';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(undefinedVar, [
  {
    name: 'a global ARG used in a stage without declaring it again',
    text: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nLABEL version=$VERSION\n',
    expect: ['3:15-3:23'],
    messages: [/`\$VERSION` is not defined in this stage: .*declares `ARG VERSION`/],
    fixId: 'declare-arg',
    fixed: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n',
  },
  { name: 'a platform arg without ARG in the stage', text: 'FROM alpine:3.20\nCOPY bin/${TARGETARCH}/app /app\n', expect: ['2:10-2:23'], messages: [/not defined in this stage/], fixId: 'declare-arg', fixed: 'FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/${TARGETARCH}/app /app\n' },
  {
    name: 'a typo of a name in scope',
    text: 'FROM alpine:3.20\nENV APP_HOME=/app\nWORKDIR $APP_HOEM\n',
    expect: ['3:9-3:18'],
    messages: [/Usage of undefined variable `\$APP_HOEM` \(did you mean `\$APP_HOME`\?\)/],
    fixed: 'FROM alpine:3.20\nENV APP_HOME=/app\nWORKDIR $APP_HOME\n',
  },
  { name: 'PATH misspelt', text: 'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n', expect: ['2:10-2:15'], messages: [/did you mean `\$PATH`/] },
  { name: 'a lower-case name', text: 'FROM alpine:3.20 AS base\nCOPY $foo .\n', expect: ['2:6-2:10'], messages: [/undefined variable `\$foo`; define it with ARG or ENV/], noFix: true },
  { name: 'anything undefined in a stage FROM scratch, through a parent stage', text: 'FROM scratch AS base\nFROM base\nUSER $APP_UID\n', expect: ['3:6-3:14'] },
  { name: 'an ARG default using an undefined name', text: 'FROM alpine:3.20\nARG VERSION=$foo\n', expect: ['2:13-2:17'] },
  { name: 'a name ENV defines later in the same instruction does not count', text: 'FROM scratch\nENV A=1 B=$C C=2\n', expect: ['2:11-2:13'] },
  { name: 'upper-case names the base image may set are not reported', text: 'FROM python:3.12\nARG VERSION=$PYTHON_VERSION\nENV PATH=$JAVA_HOME/bin:$PATH\n', expect: [] },
  { name: 'declared by ARG or ENV, here or in a parent stage', text: 'ARG V=1\nFROM alpine:3.20 AS base\nARG V\nENV dir=/srv\nFROM base\nARG TARGETARCH\nCOPY $dir/$V/${TARGETARCH} /x\n', expect: [] },
  { name: 'RUN, CMD and single-quoted or escaped text are not expanded', text: "FROM scratch\nRUN echo $foo\nCMD echo $bar\nLABEL a='$baz' b=\\$qux\n", expect: [] },
  { name: 'BuildKit\'s own SBOM args', text: 'FROM scratch\nARG BUILDKIT_SBOM_SCAN_STAGE=true\nLABEL s=$BUILDKIT_SBOM_SCAN_CONTEXT\n', expect: [] },
]);
