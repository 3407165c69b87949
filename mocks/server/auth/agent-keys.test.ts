import { parseAgentKeyArg } from './agent-keys';

describe('--agent-key', () => {
  it('takes NAME=SECRET', () => {
    expect(parseAgentKeyArg('ci-bot=hd_abcdefghijklmnop1234')).toEqual({
      name: 'ci-bot',
      secret: 'hd_abcdefghijklmnop1234',
    });
  });

  it('refuses a value without a name, and never repeats the secret in the reason', () => {
    const secret = 'hd_abcdefghijklmnop1234';
    const reason = parseAgentKeyArg(secret);
    expect(typeof reason).toBe('string');
    expect(reason).not.toContain(secret);
    const short = parseAgentKeyArg('bot=hd_short');
    expect(short).not.toContain('hd_short');
  });
});
