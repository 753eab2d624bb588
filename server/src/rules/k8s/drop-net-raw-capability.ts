// drop-net-raw-capability (kube-linter:drop-net-raw-capability): a container whose securityContext.capabilities
// adds NET_RAW (or ALL) or drops neither NET_RAW nor ALL. Like kube-linter, a container without a capabilities
// block is not reported. Fix: add NET_RAW to capabilities.drop (unsafe: ping and raw-socket tools stop working).
import { isMap, isScalar, type Node } from 'yaml';
import { mapAt, nodeAt, pairOf, seqAt, type PathKey } from '../../core/k8s/object';
import { allContainers, containerTitle } from '../../core/k8s/pod-containers';
import { relocate } from '../../core/k8s/relocate';
import { mergeMap } from '../../core/k8s/yaml-merge';
import { appendToSeq } from '../../core/k8s/yaml-seq';
import type { ManifestRule } from '../../core/rule';
import type { RuleHit } from '../../core/types';

/** NET_RAW, CAP_NET_RAW (as runtimes also accept it), any case. */
const isNetRaw = (cap: string) => /^(cap_)?net_raw$/i.test(cap);
const isAll = (cap: string) => /^all$/i.test(cap);
const names = (items: Node[]) => items.map((n) => (isScalar(n) ? String(n.value) : ''));

export const dropNetRawCapability: ManifestRule = {
  id: 'drop-net-raw-capability',
  aliases: ['kube-linter:drop-net-raw-capability'],
  severity: 'info',
  category: 'security',
  scope: 'object',
  docs: {
    summary: 'A container that lists capabilities but does not drop `NET_RAW` (or `ALL`), or adds it back.',
    why: "Container runtimes grant NET_RAW by default. With it a process can open raw sockets and forge packets: spoof addresses, sniff or poison its neighbours' traffic on the node's network (ARP or DNS spoofing). Few applications need it beyond `ping`. Drop it (or `ALL`) in `capabilities.drop`.",
    bad: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [CHOWN]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n',
  },
  check({ file }) {
    const hits: RuleHit[] = [];
    for (const { obj, c } of allContainers(file, true)) {
      const caps = mapAt(c.map, ['securityContext', 'capabilities']);
      if (!caps) continue;
      const added = seqAt(caps, ['add']).filter((n) => isScalar(n) && (isNetRaw(String(n.value)) || isAll(String(n.value))));
      for (const node of added) {
        const cap = isScalar(node) ? String(node.value) : '';
        hits.push({ message: `${containerTitle(c)} adds the ${cap} capability, which lets it forge network packets; remove it unless it needs raw sockets.`, range: file.nodeRange(obj.doc, node) });
      }
      if (added.length || names(seqAt(caps, ['drop'])).some((n) => isNetRaw(n) || isAll(n))) continue;
      // At `drop` when there is one, else at `capabilities`.
      const key = (pairOf(caps, 'drop') ?? pairOf(mapAt(c.map, ['securityContext'])!, 'capabilities'))!.key;
      hits.push({
        message: `${containerTitle(c)} keeps the NET_RAW capability, which lets it forge network packets; add NET_RAW (or ALL) to capabilities.drop.`,
        range: file.nodeRange(obj.doc, key),
        data: { doc: obj.doc.index, path: [...c.path, 'securityContext', 'capabilities'] },
      });
    }
    return hits;
  },
  fixes: [
    {
      id: 'drop-net-raw',
      title: () => 'Drop the NET_RAW capability',
      safe: false,
      apply(input, finding) {
        const found = relocate(input, finding);
        const caps = found && mapAt(found.obj.root, finding.data!.path as PathKey[]);
        if (!found || !caps) return null;
        const drop = nodeAt(caps, ['drop']);
        if (drop === undefined && !pairOf(caps, 'drop')) {
          const edits = mergeMap(found.file, found.obj.doc, caps, { drop: ['NET_RAW'] });
          return edits?.length ? { edits } : null;
        }
        if (isMap(drop) || !drop) return null;
        const edit = appendToSeq(found.file, found.obj.doc, drop, 'NET_RAW');
        return edit ? { edits: [edit] } : null;
      },
    },
  ],
};
