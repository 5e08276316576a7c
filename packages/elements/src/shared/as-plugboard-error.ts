import { isPlugboardError, PlugboardError } from '@plugboard/core';

/** Anything caught, as a PlugboardError the error view can render (the original kept as cause). */
export function asPlugboardError(value: unknown): PlugboardError {
  if (isPlugboardError(value)) return value;
  const message = value instanceof Error ? value.message : 'Unexpected error.';
  return new PlugboardError('network', message, { cause: value });
}
