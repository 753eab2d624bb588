// The scenarios in run order; the number in results and --only is the position here, from 1.
import type { Scenario } from '../lib/scenario';
import { dockerignore, mergeRun, multiStage, problems } from './dockerfile';
import { clusterRollback } from './cluster';
import { hpaTree } from './hpaTree';
import { hpa, snippets } from './kubernetes';
import { untrustedWorkspace } from './untrusted';
import { hpaPreview } from './hpaPreview';
import { imageMeasure } from './image';

export const scenarios: Scenario[] = [problems, mergeRun, dockerignore, multiStage, hpa, snippets, clusterRollback, untrustedWorkspace, imageMeasure, hpaPreview, hpaTree];
