#!/usr/bin/env node
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  stderrColumns: process.stderr.isTTY === true ? (process.stderr.columns ?? 80) : undefined,
});
process.exitCode = code;
