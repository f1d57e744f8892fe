import { RouterError } from './errors.ts';

/** A model of the router's catalogue, as `GET /models` lists it. */
export interface RouterModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** The catalogue when none is configured: a router's usual mix, `provider/model`. */
export const DEFAULT_ROUTER_MODELS: readonly string[] = [
  'openai/gpt-3.5-turbo-instruct',
  'openai/gpt-4o-mini',
  'anthropic/claude-3.5-haiku',
  'google/gemini-2.0-flash',
  'meta-llama/llama-3.1-8b-instruct',
  'mistralai/mistral-7b-instruct',
];

/** The model a chat request naming none gets, when the catalogue has it (else its first model). */
export const DEFAULT_CHAT_MODEL = 'openai/gpt-4o-mini';

/** When the catalogue's models were "released": a fixed time, so the listing never changes. */
const CREATED = 1_735_689_600; // 2025-01-01T00:00:00Z

/**
 * The models the router serves, from `provider/model` ids (a bare id is served by `massive-mock`).
 * Names are matched case-sensitively, as routers do.
 */
export function createCatalogue(ids: readonly string[] = DEFAULT_ROUTER_MODELS, defaultModel?: string) {
  const models: RouterModel[] = ids.map((id) => ({
    id,
    object: 'model',
    created: CREATED,
    owned_by: id.includes('/') ? (id.split('/', 1)[0] ?? id) : 'massive-mock',
  }));
  const byId = new Map(models.map((model) => [model.id, model]));
  if (defaultModel !== undefined && !byId.has(defaultModel))
    throw new Error(`The default router model ${defaultModel} is not in the catalogue`);
  // The chat endpoint's answer when a request names no model: the one given, the usual one, the first.
  const fallback = byId.get(defaultModel ?? DEFAULT_CHAT_MODEL) ?? models[0];
  return {
    list: (): readonly RouterModel[] => models,
    has: (id: string): boolean => byId.has(id),
    /**
     * The model that answers: `model` if the catalogue has it, else the first of `models` (the
     * fallback list) that it has. Naming none it has is a 400 listing what was asked; naming none
     * at all is one too, unless `orDefault` lets the default model answer.
     */
    resolve(model: string | undefined, fallbacks: readonly string[] = [], orDefault = false): RouterModel {
      const asked = [...(model === undefined ? [] : [model]), ...fallbacks];
      if (asked.length === 0 && orDefault && fallback) return fallback;
      if (asked.length === 0) throw RouterError.invalid('model', 'model or models must name a model');
      for (const id of asked) {
        const found = byId.get(id);
        if (found) return found;
      }
      throw new RouterError(
        'modelNotFound',
        `No model of the catalogue is named ${asked.map((id) => `"${id}"`).join(' or ')}; GET /api/v1/models lists them`,
        model === undefined ? 'models' : 'model',
      );
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
