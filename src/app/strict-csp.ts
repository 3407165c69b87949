import { z } from 'zod';

// The server's Content-Security-Policy forbids eval; without this, zod probes `new Function`
// on the first parse, and the browser reports that probe as a policy violation.
z.config({ jitless: true });
