import { describe, expect, it } from 'vitest';
import { ConfigError, createObjects, getByPointer } from '../../src/agent/config/yaml-loader.js';

describe('agent.yml loader (Veramo dialect)', () => {
  it('creates classes, calls functions, takes objects and picks members', async () => {
    const config = {
      url: { $require: 'node:url#URL', $args: ['https://cites.example.org/lk'] },
      host: { $require: 'node:url?t=class&p=/host#URL', $args: ['https://cites.example.org:8443/x'] },
      joined: { $require: 'node:path?t=function#join', $args: ['a', 'b'] },
      sep: { $require: 'node:path?t=object#sep' },
    };
    const made = await createObjects(config, { url: '/url', host: '/host', joined: '/joined', sep: '/sep' }, { baseDir: '/tmp', env: {} });
    expect((made.url as URL).pathname).toBe('/lk');
    expect(made.host).toBe('cites.example.org:8443');
    expect(made.joined).toBe('a/b');
    expect(made.sep).toBe('/');
  });

  it('shares $ref nodes: one object, created once', async () => {
    const config = {
      shared: { $require: 'node:events#EventEmitter' },
      a: { holder: { $ref: '/shared' } },
      b: { holder: { $ref: '/shared' } },
    };
    const made = await createObjects(config, { a: '/a', b: '/b' }, { baseDir: '/tmp', env: {} });
    expect((made.a as { holder: unknown }).holder).toBe((made.b as { holder: unknown }).holder);
  });

  it('reads $env from the given environment and resolves $path against the config folder', async () => {
    const config = { c: { key: { $env: 'SAIGA_SECRET_KEY' }, file: { $path: './data/agent.sqlite' }, abs: { $path: '/var/x' } } };
    const made = await createObjects(config, { c: '/c' }, { baseDir: '/srv/saiga', env: { SAIGA_SECRET_KEY: 'abc' } });
    expect(made.c).toEqual({ key: 'abc', file: '/srv/saiga/data/agent.sqlite', abs: '/var/x' });
  });

  it('fails with the JSON pointer of the culprit', async () => {
    await expect(createObjects({ c: { k: { $env: 'NOPE' } } }, { c: '/c' }, { baseDir: '/', env: {} })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      pointer: '/c/k',
    });
    await expect(createObjects({ c: { $require: 'no-such-module-xyz#X' } }, { c: '/c' }, { baseDir: '/', env: {} })).rejects.toBeInstanceOf(ConfigError);
    await expect(createObjects({ c: { $require: 'node:path#nope' } }, { c: '/c' }, { baseDir: '/', env: {} })).rejects.toThrow(
      'module "node:path" has no export "nope" (at /c)',
    );
    expect(() => getByPointer({ a: {} }, '/a/b')).toThrow('nothing found at "/a/b"');
  });
});
