import { z } from 'zod';

// The server's Content-Security-Policy forbids eval. Zod probes `new Function` when it builds
// an object schema unless told not to, and the browser reports that probe as a violation; so
// every module that builds schemas imports this first, whichever chunk it lands in.
z.config({ jitless: true });
