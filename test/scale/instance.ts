// One reference-server instance of the scale cluster, in its own process (so a test can SIGKILL
// it). Its settings arrive as JSON in PB_SCALE_INSTANCE; it prints `ready` when it serves.
import { startReferenceStack, type ReferenceStackOptions } from '@plugboard/server';

const options = JSON.parse(process.env.PB_SCALE_INSTANCE ?? '{}') as ReferenceStackOptions;
const stack = await startReferenceStack({ ...options, quiet: true });
process.stdout.write('ready\n');
const stop = () => void stack.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
