// Structured JSON logs, one object per line. Callers pass only safe fields: never tokens,
// credentials, codes or query strings.

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogSink = (line: string) => void;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createLogger(sink: LogSink | null): Logger {
  const write = (level: string, message: string, fields: LogFields = {}) => {
    sink?.(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

export const stdoutSink: LogSink = (line) => process.stdout.write(`${line}\n`);
