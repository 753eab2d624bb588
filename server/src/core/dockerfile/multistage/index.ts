// "Convert to multi-stage build": a single-stage Dockerfile becomes a `build` stage plus a slim runtime stage
// that receives only the artifacts, using the template for the ecosystem that is built.
import { buildModel } from '../model';
import type { BuildContext } from '../../types';
import { detectEcosystem, type Ecosystem } from './detect';
import { goTemplate } from './go';
import { javaTemplate } from './java';
import { nativeTemplate } from './native';
import { nodeTemplate } from './node';
import { newPlan, type Plan } from './plan';
import { pythonTemplate } from './python';
import { render } from './render';
import { rustTemplate } from './rust';

export { buildCommandEcosystem, detectEcosystem, ECOSYSTEM_LABEL, findToolchain, imageEcosystem, type Ecosystem, type ToolchainHit } from './detect';
export { packageInstalls, type PackageInstall } from './packages';

/** The title of the conversion wherever it is offered (the build-tools-in-final-stage fix, the FROM refactoring). */
export const MULTI_STAGE_TITLE = 'Convert to multi-stage build';

const TEMPLATES: Record<Ecosystem, (p: Plan) => boolean> = { go: goTemplate, rust: rustTemplate, java: javaTemplate, node: nodeTemplate, python: pythonTemplate, c: nativeTemplate };

/** The file as a `build` stage plus a slim runtime stage; null when not single-stage or no template fits. Requires initShellParser(). */
export function convertToMultiStage(text: string, context?: BuildContext): string | null {
  const model = buildModel(text);
  const stage = model.stages[0];
  if (model.stages.length !== 1 || !stage.image || stage.image.name === 'scratch') return null;
  const eco = detectEcosystem(model);
  if (!eco) return null;
  const plan = newPlan(model, stage, stage.image, context);
  if (!TEMPLATES[eco](plan)) return null;
  const out = render(plan);
  // A template that produced something other than two stages has misread the file: offer nothing rather than that.
  return buildModel(out).stages.length === 2 ? out : null;
}
