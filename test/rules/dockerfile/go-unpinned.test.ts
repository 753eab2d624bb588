import { goUnpinned } from '../../../server/src/rules/dockerfile/go-unpinned';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(goUnpinned, [
  {
    name: '@latest is not a pin',
    text: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
    expect: ['2:16-2:47'],
    messages: [/^`golang.org\/x\/tools\/gopls@latest` resolves to the newest release at build time; pin it as `golang.org\/x\/tools\/gopls@<version>`/],
    noFix: true,
  },
  { name: 'no version at all', text: 'FROM golang:1.23\nRUN go install github.com/x/y/cmd/z\n', expect: ['2:16-2:36'] },
  { name: 'go get', text: 'FROM golang:1.23\nRUN go get -u github.com/x/y\n', expect: ['2:15-2:29'] },
  { name: 'go run: only the package, not its arguments', text: 'FROM golang:1.23\nRUN go run github.com/x/y@latest --flag arg\n', expect: ['2:12-2:33'] },
  { name: 'build flags take values', text: 'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo example.com/cmd/app\n', expect: ['2:45-2:64'] },
  { name: 'versions and commits', text: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2 github.com/x/y@3f2c1e0\n', expect: [] },
  { name: 'go run of a pinned package with arguments', text: 'FROM golang:1.23\nRUN go run example.com/x@v1.0.0 generate ./...\n', expect: [] },
  { name: 'local packages and files', text: 'FROM golang:1.23\nRUN go install ./... && go install . && go run main.go && go run ./cmd/app -x && go install /src/cmd/app\n', expect: [] },
  { name: 'other commands', text: 'FROM golang:1.23\nRUN go mod download && go build -o /app ./cmd/app && go install tool\n', expect: [] },
]);
