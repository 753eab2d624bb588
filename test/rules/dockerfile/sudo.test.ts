import { sudo } from '../../../server/src/rules/dockerfile/sudo';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(sudo, [
  {
    name: 'sudo as root is removed',
    text: 'FROM debian:12\nRUN sudo apt-get update\n',
    expect: ['2:5-2:9'],
    messages: [/unnecessary/],
    fixed: 'FROM debian:12\nRUN apt-get update\n',
  },
  {
    name: 'sudo -E in an && chain',
    text: 'FROM ubuntu:24.04\nRUN apt-get update && sudo -E apt-get install -y curl\n',
    expect: ['2:23-2:27'],
    fixed: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n',
  },
  {
    name: 'sudo in a pipeline on a continuation line',
    text: 'FROM debian:12\nRUN curl -fsSL https://x.example/key.asc \\\n    | sudo tee /etc/apt/keyrings/x.asc\n',
    expect: ['3:7-3:11'],
    fixed: 'FROM debian:12\nRUN curl -fsSL https://x.example/key.asc \\\n    | tee /etc/apt/keyrings/x.asc\n',
  },
  {
    name: 'sudo with the command on the next line',
    text: 'FROM debian:12\nRUN sudo \\\n    make install\n',
    expect: ['2:5-2:9'],
    fixed: 'FROM debian:12\nRUN make install\n',
  },
  {
    name: 'explicit USER root before the RUN',
    text: 'FROM node:20\nUSER node\nUSER root\nRUN sudo npm i -g pnpm\n',
    expect: ['4:5-4:9'],
    fixed: 'FROM node:20\nUSER node\nUSER root\nRUN npm i -g pnpm\n',
  },
  {
    name: 'several sudo uses are each reported',
    text: 'FROM debian:12\nRUN sudo apt-get update; sudo apt-get install -y git\n',
    expect: ['2:5-2:9', '2:26-2:30'],
    fixHit: 1,
    fixed: 'FROM debian:12\nRUN sudo apt-get update; apt-get install -y git\n',
  },
  // Hits without a fix: removing sudo would change the user the command runs as.
  { name: 'non-root USER: hit suggesting USER root', text: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n', expect: ['3:5-3:9'], messages: [/USER root/] },
  { name: 'non-root user from the parent stage', text: 'FROM debian:12 AS base\nUSER app\nFROM base\nRUN sudo make install\n', expect: ['4:5-4:9'] },
  { name: 'sudo -u another user', text: 'FROM postgres:16\nRUN sudo -u postgres initdb\n', expect: ['2:5-2:9'] },
  { name: 'installing the sudo package', text: 'FROM debian:12\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app\n', expect: [] },
  { name: 'checking for sudo', text: 'FROM debian:12\nRUN if command -v sudo; then echo has sudo; fi\n', expect: [] },
  { name: 'sudo in a quoted string or comment', text: 'FROM debian:12\n# RUN sudo make\nRUN echo "use sudo make install"\n', expect: [] },
]);
