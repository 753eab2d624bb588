// Java (Maven, Gradle): the builder packages the jar and an eclipse-temurin JRE stage runs it.
import { commandForm, lastCommands, rewriteCommand } from './commands';
import { buildCommandEcosystem } from './detect';
import { family } from './packages';
import { basename, resolvePath } from '../paths';
import { dirAt, type Plan } from './plan';
import { allRunCommands } from '../commands';
import { chown, copyWorkdir, runtimeSetup } from './runtime';

/** Fills in the plan for a JDK image or Maven/Gradle build; false when the command does not run a jar we can find. */
export function javaTemplate(p: Plan): boolean {
  const { model, image } = p.f;
  const tag = image.tag ?? '';
  const m = (/^(?:openjdk|eclipse-temurin|amazoncorretto|sapmachine)$/.test(image.name) && /^(\d+)/.exec(tag)) || /(?:jdk|temurin|openjdk|corretto|java)-?(\d+)/i.exec(tag);
  p.runtimeImage = `eclipse-temurin:${m ? m[1] : '21'}-jre${tag.includes('alpine') ? '-alpine' : ''}`;
  const build = [...allRunCommands(model)].find(({ cmd }) => buildCommandEcosystem(cmd) === 'java');
  runtimeSetup(p, family(p.runtimeImage));
  if (!build) return copyWorkdir(p, false);
  const { entrypoint, cmd } = lastCommands(p.f.stage);
  const main = entrypoint ?? cmd;
  const form = main && commandForm(model, main);
  const jarAt = form && form.words[0] && basename(form.words[0].value) === 'java' ? form.words.findIndex((w) => w.value === '-jar') + 1 : -1;
  if (main && (!form || jarAt <= 0 || !form.words[jarAt])) return false;
  const wd = dirAt(p, build.run, build.cmd);
  const named = form?.words[jarAt]?.value;
  const jar = named && !/[$*?]/.test(named) ? resolvePath(p.f.finalWd, named) : resolvePath(wd, /^gradle/.test(build.cmd.program) ? 'build/libs/*.jar' : 'target/*.jar');
  p.body.push(`COPY ${chown(p)}--from=build ${jar} /app/app.jar`);
  if (main && form) p.transform.set(main, [rewriteCommand(model, main, form, new Map([[jarAt, '/app/app.jar']]), false)]);
  else p.tail.push('ENTRYPOINT ["java", "-jar", "/app/app.jar"]');
  return true;
}
