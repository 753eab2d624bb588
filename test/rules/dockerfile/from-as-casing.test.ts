import { fromAsCasing } from '../../../server/src/rules/dockerfile/from-as-casing';
import { ruleTable } from '../../helpers/ruleTable';

ruleTable(fromAsCasing, [
  {
    name: 'upper-case FROM with lower-case as',
    text: 'FROM node:20 as build\nRUN npm ci\n',
    expect: ['1:14-1:16'],
    messages: [/`as` should be cased like `FROM`: write `AS`/],
    fixed: 'FROM node:20 AS build\nRUN npm ci\n',
  },
  {
    name: 'lower-case from with upper-case AS, after a --platform flag',
    text: 'from --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    expect: ['1:44-1:46'],
    fixed: 'from --platform=$BUILDPLATFORM golang:1.22 as build\n',
  },
  { name: 'mixed-case As with upper-case FROM', text: 'FROM alpine:3.20 As base\n', expect: ['1:18-1:20'], fixed: 'FROM alpine:3.20 AS base\n' },
  { name: 'matching casing is fine', text: 'FROM node:20 AS build\nfrom node:20 as web\n', expect: [] },
  { name: 'a mixed-case From is left to the instruction casing rule', text: 'From node:20 as build\n', expect: [] },
  { name: 'no stage name', text: 'FROM node:20\n', expect: [] },
]);
