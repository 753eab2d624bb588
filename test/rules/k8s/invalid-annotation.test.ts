import { invalidAnnotation } from '../../../server/src/rules/k8s/invalid-annotation';
import { ruleTable } from '../../helpers/ruleTable';

const cm = (annotations: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  annotations:\n${annotations}`;
ruleTable(invalidAnnotation, [
  { name: 'a key with a space', text: cm('    owner team: payments\n'), expect: ['6:5-6:15'], messages: [/^metadata\.annotations: Invalid value: "owner team": name part must consist of/] },
  { name: 'an empty name after the prefix', text: cm('    example.com/: x\n'), expect: ['6:5-6:17'], messages: [/name part must be non-empty/] },
  { name: 'annotations over 256 KiB in all', text: cm(`    a: ${'x'.repeat(200 * 1024)}\n    b: ${'y'.repeat(100 * 1024)}\n`), expect: ['5:3-5:14'], messages: [/Too long: must have at most 262144 bytes/] },
  { name: 'free-text values and upper-case keys are fine (keys are checked lower-cased)', text: cm('    Example.com/Build: "1.4.0+build.7, see https://x/y"\n    description: |\n      Anything at all.\n'), expect: [] },
]);
