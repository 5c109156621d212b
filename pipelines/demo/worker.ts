/**
 * The demo's synthetic inbox is generated in a child process: its CPR numbers, although made up, stay
 * out of the heap of the process that writes the warehouse (ingest/worker.ts says why that matters).
 */
import { serveChild } from '../core/child.ts';
import { writeDemoInbox } from './generate.ts';

export interface DemoRequest {
  dir: string;
  asOf: string;
}

serveChild<DemoRequest>((r) => writeDemoInbox(r.dir, { asOf: r.asOf }));
