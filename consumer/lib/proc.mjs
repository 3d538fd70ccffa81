/**
 * Child processes for the consumer test: commands whose output goes to a log file (shown only when
 * they fail), long-lived servers that are killed with their whole process group, and free ports.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Servers still running, killed by `stopAll` (also on failure and on signals). */
const running = new Set();

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Runs `command args` in `cwd`, appending its output to `log`. Rejects with the log's tail when it
 * exits with a non-zero code or runs longer than `timeoutMs`.
 */
export function run(command, args, { cwd, log, env = {}, timeoutMs = 180_000 }) {
  return new Promise((resolve, reject) => {
    const fd = openSync(log, 'a');
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    running.add(child);
    const timer = setTimeout(() => kill(child), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      running.delete(child);
      closeSync(fd);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      closeSync(fd);
      if (code === 0) resolve();
      else {
        const why = signal ? `was killed (${signal}${signal === 'SIGKILL' ? ', timed out' : ''})` : `exited ${code}`;
        reject(new Error(`${command} ${args.join(' ')} ${why}\n${tail(log)}`));
      }
    });
  });
}

/**
 * Starts a long-running server and resolves once `url` answers with a status below 500.
 * Returns a `stop` function; the server is also stopped by `stopAll`.
 */
export async function startServer(command, args, { cwd, log, url, env = {}, timeoutMs = 60_000 }) {
  const fd = openSync(log, 'a');
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  running.add(child);
  let exited = false;
  child.on('exit', () => {
    exited = true;
    running.delete(child);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${command} ${args.join(' ')} exited early\n${tail(log)}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return () => kill(child);
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  kill(child);
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${tail(log)}`);
}

/** Kills `child` and everything it started (it leads its own process group). */
function kill(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  running.delete(child);
}

/** Kills every command and server still running. */
export function stopAll() {
  for (const child of [...running]) kill(child);
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
