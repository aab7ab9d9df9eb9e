import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { findDuplicateJsonKey } from './json-body';

describe('duplicate JSON keys', () => {
  it('finds a key held twice by one object, with its place, and nothing else', () => {
    expect(findDuplicateJsonKey('{"amount":1,"amount":9}')).toEqual({ key: 'amount', path: 'amount' });
    expect(findDuplicateJsonKey('{"a":{"b":1,"c":{"d":1,"d":2}}}')).toEqual({ key: 'd', path: 'a.c.d' });
    expect(findDuplicateJsonKey('{"rows":[{"x":1},{"x":1,"x":2}]}')).toEqual({ key: 'x', path: 'rows[1].x' });
    // Escapes are decoded before comparing.
    expect(findDuplicateJsonKey('{"a":1,"\\u0061":2}')?.key).toBe('a');
    // The same key in sibling objects, a value equal to a key, and keys inside strings are fine.
    expect(findDuplicateJsonKey('[{"a":1},{"a":1}]')).toBeNull();
    expect(findDuplicateJsonKey('{"a":"a","b":["a","a"]}')).toBeNull();
    expect(findDuplicateJsonKey('{"a":"{\\"b\\":1,\\"b\\":2}","c":"x,\\"a\\""}')).toBeNull();
    expect(findDuplicateJsonKey('"plain"')).toBeNull();
  });
});

describe('input guard on the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('refuses a duplicate key in a body with 400 naming it, and saves nothing', async () => {
    const office = await t.as('jiaocheng');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: office.cookie, 'content-type': 'application/json' },
      payload: '{"name":"甲公司","kind":"owner","regionCode":"350902","name":"乙公司"}',
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('“name”出现了两次');
    expect(error.details[0].path).toBe('name');
    const list = await office.get('/api/organisations?q=%E4%B9%99%E5%85%AC%E5%8F%B8');
    expect(JSON.stringify(list.body)).not.toContain('乙公司');
    // Anonymous routes too: the login body is checked before any handler.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"jiaocheng","password":"x","password":"Tuijin#2026"}',
    });
    expect(login.statusCode).toBe(400);
  });

  it('refuses an unknown query parameter with 400 naming it and the ones the route takes', async () => {
    const office = await t.as('jiaocheng');
    const misspelt = await office.get('/api/projects?regoin=350902');
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.error.code).toBe('VALIDATION_FAILED');
    expect(misspelt.body.error.message).toContain('未知的查询参数：regoin');
    expect(misspelt.body.error.message).toContain('region、');
    expect(misspelt.body.error.details[0].path).toBe('query.regoin');
    // A route that takes no query refuses any.
    const none = await office.get('/api/auth/me?debug=1');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('此接口不接受查询参数');
    // Declared ones still work.
    const fine = await office.get('/api/projects?region=350902');
    expect(fine.status).toBe(200);
  });
});
