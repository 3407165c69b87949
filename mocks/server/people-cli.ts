import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { levelSchema, roleSchema } from '../../src/api/handoff-schemas';
import { enumWithout } from '../../src/api/zod-config';
import { StorageVersionError } from '../persistence/migrations';
import { sqlitePersistence } from '../persistence/sqlite';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './auth/passwords';
import { peopleStore } from './auth/people-store';
import { sessionStore } from './auth/session-store';

/*
 * `npm run people -- <command>`: the admin's tool for local accounts, against the server's
 * database (running or not). A password is read from standard input with --password-stdin,
 * never from an argument (arguments show in the process list and the shell's history);
 * without it one is generated and printed once.
 */

const usage = `Usage: npm run people -- <command> [options]
  add --id <id> --name <name> --role <${roleSchema.options.join('|')}> --level <l1|l2|manager|executive> [--email <email>] [--password-stdin] [--no-password]
  list
  disable --id <id>        (ends their sessions)
  enable --id <id>
  set --id <id> [--role <role>] [--level <level>]
  reset-password --id <id> [--password-stdin]   (ends their sessions)
Options: --data <file> (default .data/handoff-desk.sqlite, or HANDOFF_DESK_DATA)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: process.env.HANDOFF_DESK_DATA ?? '.data/handoff-desk.sqlite' },
    id: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    level: { type: 'string' },
    email: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    'no-password': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const command = positionals[0];
if (!command || command === 'help') fail(usage);

const file = resolve(values.data);
mkdirSync(dirname(file), { recursive: true });
const persistence = sqlitePersistence(file, { log: (line) => console.log(line) });
try {
  // Brings an older database up to this build's version (accounts live in migration 3's tables).
  await persistence.load();
} catch (error) {
  if (error instanceof StorageVersionError) fail(`Cannot open ${file}: ${error.message}`);
  throw error;
}
const people = peopleStore(persistence.database);
const sessions = sessionStore(persistence.database);
const by = null;

const need = (name: 'id' | 'name' | 'role' | 'level') =>
  values[name] ?? fail(`"${command}" needs --${name}.\n\n${usage}`);
const role = (text: string) =>
  roleSchema.safeParse(text).data ?? fail(`--role is one of ${roleSchema.options.join(', ')}.`);
const level = (text: string) =>
  enumWithout(levelSchema, ['ai']).safeParse(text).data ??
  fail('--level is one of l1, l2, manager, executive.');

async function newPassword(): Promise<{ hash: string; shown: string | null }> {
  if (values['password-stdin']) {
    const text = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
    if (text.length < MIN_PASSWORD_LENGTH) {
      fail(`A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    return { hash: await hashPassword(text), shown: null };
  }
  const generated = generatePassword();
  return { hash: await hashPassword(generated), shown: generated };
}

const existing = () => {
  const id = need('id');
  if (!people.person(id)) fail(`No person "${id}".`);
  return id;
};

switch (command) {
  case 'add': {
    const id = need('id');
    if (people.person(id)) fail(`"${id}" already exists.`);
    const password = values['no-password'] ? null : await newPassword();
    const person = people.add(
      {
        id,
        name: need('name'),
        role: role(need('role')),
        level: level(need('level')),
        email: values.email ?? null,
        passwordHash: password?.hash ?? null,
      },
      by,
      'command',
    );
    console.log(`Added ${person.name} (${person.id}), ${person.role} at ${person.level}.`);
    if (password?.shown) console.log(`Password (shown once): ${password.shown}`);
    break;
  }
  case 'list':
    for (const p of people.list()) {
      console.log(
        [p.id, p.name, p.role, p.level, p.disabled ? 'disabled' : 'active', p.signIn].join('\t'),
      );
    }
    break;
  case 'disable':
  case 'enable': {
    const id = existing();
    people.update(id, { disabled: command === 'disable' }, by, 'command');
    if (command === 'disable') sessions.destroyAll(id);
    console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${id}.`);
    break;
  }
  case 'set': {
    const id = existing();
    const patch = {
      ...(values.role ? { role: role(values.role) } : {}),
      ...(values.level ? { level: level(values.level) } : {}),
    };
    if (!Object.keys(patch).length) fail('"set" needs --role or --level.');
    const person = people.update(id, patch, by, 'command')!;
    console.log(`${id} is now ${person.role} at ${person.level}.`);
    break;
  }
  case 'reset-password': {
    const id = existing();
    const password = await newPassword();
    people.setPassword(id, password.hash, by, 'command');
    const ended = sessions.destroyAll(id);
    console.log(`New password for ${id}; ${ended} session(s) ended.`);
    if (password.shown) console.log(`Password (shown once): ${password.shown}`);
    break;
  }
  default:
    fail(`Unknown command "${command}".\n\n${usage}`);
}
persistence.close();
