// The in-host suite in one bundle: mocha loads this file after setting up its `suite`/`test` globals.
import './dockerfile.test';
import './kubernetes.test';
import './commands.test';
