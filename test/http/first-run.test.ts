import { describe, expect, it } from 'vitest';
import { REVISION_IDS } from '../../src/core/massive/revisions/index.ts';
import { startHarness } from '../support/harness.ts';

type Parameter = {
  name: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: Record<string, unknown>;
};
type Document = {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
  components: { schemas?: Record<string, Record<string, unknown>> };
};

describe('a first visit', async () => {
  const mock = await startHarness({ seed: 7 });

  it('finds the dashboard at /, its script and style served from the package, and a favicon', async () => {
    const res = await mock.send('GET', '/', { token: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<script type="module" src="/__dashboard/app.js"></script>');
    expect(res.text).toContain('href="/docs');
    expect(res.text).toContain('/__admin');
    const script = await mock.send('GET', '/__dashboard/app.js', { token: null });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // It reads the admin API only.
    expect([...script.text.matchAll(/fetch\(`([^`$]*)/g)].map((match) => match[1])).toEqual(['/__admin/']);
    expect((await mock.send('GET', '/__dashboard/style.css', { token: null })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const missing = await mock.send('GET', '/__dashboard/secrets.txt', { token: null });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/plain; charset=utf-8');
    const icon = await mock.send('GET', '/favicon.ico', { token: null });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it("answers the assets a rendered page names, out of the journal, coverage and the log's info lines", async () => {
    mock.instance.control.journal.clear();
    const page = (await mock.get('/ai?prompt=first+run+assets&format=rendered')).text;
    const assets = [...page.matchAll(/<(?:link|script|img)\b[^>]*?(?:src|href)="(\/[^"]+)"/g)]
      // A preconnect link names an origin, fetched by no browser.
      .filter((match) => !match[0].includes('preconnect'))
      .map((match) => (match[1] as string).replaceAll('&amp;', '&'))
      .filter((url) => !url.startsWith('//') && url !== '/' && !url.includes('#'));
    expect(assets.length).toBeGreaterThan(10);
    for (const url of assets) {
      const answer = await mock.raw(url);
      expect(answer.status, url).toBe(200);
    }
    expect((await mock.raw('/cdn/assets/x.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await mock.raw('/cdn/assets/x.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await mock.raw('/manifest.json')).text).toBe('{}');
    expect(mock.instance.control.journal.list().map((entry) => entry.path)).toEqual(['/ai']);
  });

  it('dates every answer by the emulator clock, not the machine', async () => {
    const set = await mock.send('POST', '/__admin/clock', {
      body: { freeze: true, set: '2030-01-01T00:00:00Z' },
    });
    expect(set.status).toBe(200);
    const answer = await mock.get('/ai?prompt=first+run+date');
    expect(answer.headers.date).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    await mock.send('POST', '/__admin/clock', { body: { advanceMs: 90_000 } });
    const hit = await mock.get('/ai?prompt=first+run+date');
    expect(hit.headers.age).toBe('90');
    expect(hit.headers.date).toBe('Tue, 01 Jan 2030 00:01:30 GMT');
    expect((await mock.send('GET', '/', { token: null })).headers.date).toBe('Tue, 01 Jan 2030 00:01:30 GMT');
  });

  it('gives the docs UI documents whose "Try it out" starts with no optional parameter set', async () => {
    const initializer = await mock.send('GET', '/docs/static/swagger-initializer.js', { token: null });
    const urls = [...initializer.text.matchAll(/"url":\s*"([^"]+\.json)"/g)].map(
      (match) => match[1] as string,
    );
    expect(urls).toEqual([
      '/docs/ui/openapi.json',
      ...REVISION_IDS.map((id) => `/docs/ui/openapi/${id}.json`),
      '/docs/ui/openapi-router.json',
      '/docs/ui/openapi-admin.json',
    ]);
    // The router's one operation takes a body, not parameters: nothing there to pre-fill.
    for (const url of urls.filter((each) => !each.includes('router'))) {
      const document = (await mock.send('GET', url, { token: null })).body as Document;
      const parameters = Object.values(document.paths).flatMap((item) =>
        Object.values(item).flatMap((operation) => operation.parameters ?? []),
      );
      expect(parameters.length).toBeGreaterThan(3);
      for (const parameter of parameters.filter((p) => !p.required)) {
        const ref =
          String(parameter.schema?.$ref ?? '')
            .split('/')
            .pop() ?? '';
        const schema = document.components.schemas?.[ref] ?? parameter.schema ?? {};
        expect({
          name: parameter.name,
          example: parameter.example,
          default: schema.default,
          schemaExample: schema.example,
        }).toEqual({
          name: parameter.name,
          example: undefined,
          default: undefined,
          schemaExample: undefined,
        });
      }
    }
    const api = (await mock.send('GET', '/docs/ui/openapi.json', { token: null })).body as Document;
    const [prompt, model] = api.paths['/ai']?.get?.parameters ?? [];
    expect(prompt?.schema?.example).toBe('best basketball shoes for 2026');
    expect(model?.description).toMatch(/Default: `"chatgpt"`\.$/);
    // The published document itself is untouched.
    const published = (await mock.send('GET', '/openapi.json', { token: null })).body as Document;
    expect(published.components.schemas?.Model?.default).toBe('chatgpt');
  });
});
