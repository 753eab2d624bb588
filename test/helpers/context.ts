// Shared fixtures for tests that need a build context.

/** A build context like a typical service's, so context-dependent rules can fire on their examples. */
export const TYPICAL_CONTEXT: Record<string, string> = {
  'requirements.txt': 'flask==3.0.0\n',
  'package.json': '{"name":"app","scripts":{"build":"tsc"}}\n',
  'package-lock.json': '{}\n',
  'go.mod': 'module example.com/app\n',
  'go.sum': '',
  'app.py': 'print(1)\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  'node_modules/x/index.js': '',
  '.env': 'SECRET=1\n',
};
