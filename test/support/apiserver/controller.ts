// The controller manager of the test cluster: every tick runs the kubelet stand-in, the ReplicaSet and Deployment
// controllers, the HPA status writer and a garbage collector for objects whose controlling owner is gone.
import type { ObjectApi } from './api';
import { syncDeployment } from './deployment-controller';
import { syncHpa } from './hpa-controller';
import { syncPod, syncReplicaSet } from './replicaset-controller';
import { RESOURCES } from './resources';
import { DEPLOYMENTS, HPAS, PODS, REPLICASETS, type ControllerContext } from './workloads';

export class ControllerManager {
  readonly ctx: ControllerContext;
  private timer: NodeJS.Timeout | undefined;
  /** Store version after the last tick that changed nothing: until it moves, ticks can be skipped. */
  private quietAt: string | undefined;

  constructor(api: ObjectApi, tickMs: number) {
    this.ctx = { api, tickMs, tick: 0, failRollouts: false, brokenPods: new Set(), progressAt: new Map(), hpaLoad: new Map(), hpaMemory: new Map() };
  }

  /** One pass over every controller; returns true when it changed anything. */
  tick(): boolean {
    const store = this.ctx.api.store;
    const before = store.currentResourceVersion();
    this.ctx.tick++;
    if (before === this.quietAt && !this.waitingOnTime()) return false;
    this.collectGarbage();
    for (const pod of store.list(PODS)) syncPod(this.ctx, pod);
    for (const rs of this.ctx.api.list(REPLICASETS, undefined)) syncReplicaSet(this.ctx, rs);
    for (const d of this.ctx.api.list(DEPLOYMENTS, undefined)) syncDeployment(this.ctx, d);
    for (const hpa of this.ctx.api.list(HPAS, undefined)) syncHpa(this.ctx, hpa);
    const changed = store.currentResourceVersion() !== before;
    this.quietAt = changed ? undefined : before;
    return changed;
  }

  /** Something changes with time alone: crash-looping pods, a rollout whose progress deadline may pass, an HPA with load. */
  private waitingOnTime(): boolean {
    if (this.ctx.hpaLoad.size > 0) return true; // HPA syncs are clocked by ticks (stabilization windows, policy periods)
    for (const uid of this.ctx.brokenPods) {
      if (this.ctx.api.store.hasUid(uid)) return true;
      this.ctx.brokenPods.delete(uid);
    }
    return this.ctx.api.store.list(DEPLOYMENTS).some((d) => {
      const reason = (d.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing')?.reason;
      return reason && !['NewReplicaSetAvailable', 'ProgressDeadlineExceeded', 'DeploymentPaused'].includes(reason);
    });
  }

  /** Ticks until nothing changes (used by the seed, which must not wait for timers), moving the clock each tick. */
  settle(advanceMs = 0, maxTicks = 200): void {
    for (let i = 0; i < maxTicks; i++) {
      this.ctx.api.store.clockOffset += advanceMs;
      if (!this.tick()) return;
    }
    throw new Error(`test cluster did not settle within ${maxTicks} controller ticks`);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      try {
        this.tick();
      } catch (e) {
        console.error('[apiserver] controller tick failed:', e);
      }
    }, this.ctx.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Background cascading deletion: objects whose controller owner no longer exists are deleted. */
  private collectGarbage(): void {
    const store = this.ctx.api.store;
    for (const r of RESOURCES) {
      for (const o of store.list(r)) {
        const owner = (o.metadata.ownerReferences ?? []).find((ref: { controller?: boolean }) => ref.controller);
        if (owner && !store.hasUid(owner.uid)) store.delete(r, o.metadata.namespace, o.metadata.name);
      }
    }
  }
}
