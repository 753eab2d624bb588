import { pipeToShell } from '../../../server/src/rules/dockerfile/pipe-to-shell';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(pipeToShell, [
  {
    name: 'curl piped into sh',
    text: 'FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n',
    expect: ['2:5-2:44'],
    messages: [/`curl … \| sh` runs a downloaded script unverified/],
  },
  { name: 'wget -O- into bash', text: 'FROM debian:12\nRUN wget -qO- https://x.example/install.sh | bash\n', expect: ['2:5-2:50'] },
  { name: 'sudo wrapper and sh -s -- args', text: 'FROM debian:12\nRUN curl -sSf https://sh.rustup.rs | sudo -E sh -s -- -y\n', expect: ['2:5-2:48'] },
  {
    name: 'inside an && chain across continuation lines',
    text: 'FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://deb.nodesource.com/setup_20.x \\\n      | bash - && \\\n    apt-get install -y nodejs\n',
    expect: ['3:5-4:13'],
  },
  { name: 'through tee into python3', text: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | tee /tmp/i.py | python3 -\n', expect: ['2:5-2:74'] },
  {
    // tree-sitter-bash reads `a | b | c && d` as `a | ((b | c) && d)`; the substitution sends this RUN to it.
    name: 'a three-stage pipeline before &&, in a script with a command substitution',
    text: 'FROM debian:12\nRUN curl -fsSL https://x.example/$(uname -m).sh | tee /tmp/i.sh | sh && echo done\n',
    expect: ['2:5-2:69'],
  },
  { name: 'perl reading stdin', text: 'FROM perl:5.38\nRUN curl -L https://cpanmin.us | perl - App::cpanminus\n', expect: ['2:5-2:38'] },
  { name: 'heredoc RUN', text: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example/i.sh | bash\nEOF\n', expect: ['4:1-4:41'] },
  { name: 'python parsing JSON from curl', text: 'FROM python:3.12\nRUN curl -s https://api.example.com/v | python3 -c "import sys, json; print(json.load(sys.stdin))"\n', expect: [] },
  { name: 'bash -c with its own command string', text: 'FROM debian:12\nRUN curl -s https://x.example/list | bash -c "cat > /tmp/list"\n', expect: [] },
  { name: 'archive piped into tar', text: 'FROM debian:12\nRUN curl -fsSL https://x.example/t.tgz | tar -xz -C /opt\n', expect: [] },
  { name: 'downloaded, verified, then run', text: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x.example/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n', expect: [] },
  { name: 'a shell that is not fed by curl', text: 'FROM debian:12\nRUN echo "echo hi" | sh && curl -fsSL https://x.example -o /x\n', expect: [] },
  { name: 'the words only inside a quoted string', text: 'FROM debian:12\nRUN echo "curl https://x | sh" > /README\n', expect: [] },
]);
