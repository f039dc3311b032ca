/**
 * Text the core writes for a person (an error's message, a warning, a check's verdict) travels as
 * an id and parameters beside its English rendering. The CLI, the log and the support bundle use
 * the English; the screens render the id in the interface language from the same catalogue shape,
 * so every sentence the core writes exists in every language the interface speaks.
 *
 * Catalogues live in `shared/texts/<area>.<locale>.ts`. The English one is the source: its
 * functions define the parameters; a translation must have the same keys and parameter types.
 */

/** A parameter: a value shown as it is (an id, a host, a server's own words) or a nested text. */
export type TextParam = string | number | boolean | Text;

export interface Text {
  /** `area.key`, e.g. `eniris.unknownNode`. */
  readonly id: string;
  readonly params?: Readonly<Record<string, TextParam>>;
}

/**
 * What the core says: English for logs and the CLI, plus the text the screens translate. `text`
 * is optional because a few messages are not ours to translate (a file's own error, a server's
 * report); those stay English, marked as such on screen.
 */
export interface Wording {
  readonly message: string;
  readonly text?: Text;
}

/**
 * Formatting a message needs beyond words: numbers, waits and instants look different per language
 * and region. English catalogues may write their own forms (the CLI's wording predates this); a
 * translation uses these.
 */
export interface Formats {
  readonly number: (value: number) => string;
  /**
   * A span of time a person can picture: "45 seconds", "3 minutes", "2 hours". Pass values to
   * formats as the message received them (no arithmetic), so a test can see where each one went.
   */
  readonly duration: (seconds: number) => string;
  /** A date and time of day. */
  readonly instant: (epochMs: number) => string;
  /** A calendar day. */
  readonly day: (epochMs: number) => string;
}

/**
 * A message function's parameters as its caller passes them: every string parameter may also be a
 * nested text, rendered in the same language before the function sees it.
 */
export type TextArgs<P> = { readonly [K in keyof P]: P[K] extends string ? string | Text : P[K] };

/** Each message declares its own parameters; `never` accepts every such declaration. */
export type Message = (params: never, formats: Formats) => string;
export type Catalogue = Readonly<Record<string, Message>>;

/** A translation of `C`: the same keys, each taking the same parameters. */
export type Translation<C extends Catalogue> = {
  readonly [K in keyof C]: (params: Parameters<C[K]>[0], formats: Formats) => string;
};

type Builders<C extends Catalogue> = {
  readonly [K in keyof C]: Parameters<C[K]>[0] extends undefined
    ? () => Text
    : (params: TextArgs<Parameters<C[K]>[0]>) => Text;
};

/** The functions the core calls to say something: `eniris.unknownNode({ nodeId })` is a Text. */
export function textsOf<C extends Catalogue>(area: string, catalogue: C): Builders<C> {
  const builders: Record<string, (params?: Record<string, TextParam>) => Text> = {};
  for (const key of Object.keys(catalogue)) {
    const id = `${area}.${key}`;
    builders[key] = (params) => (params === undefined ? { id } : { id, params });
  }
  return builders as Builders<C>;
}

/** Every area's catalogue in one language, by area name. */
export type Library = Readonly<Record<string, Catalogue | undefined>>;

/**
 * A text in the language of `library`, or undefined when some id in it is unknown there (an older
 * or newer core than the screens): the caller then shows the English message.
 */
export function renderText(text: Text, library: Library, formats: Formats): string | undefined {
  const [area = '', key = ''] = text.id.split('.');
  const catalogue = Object.hasOwn(library, area) ? library[area] : undefined;
  const message = catalogue && Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
  if (message === undefined) return undefined;
  const params: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    if (typeof value === 'object') {
      const nested = renderText(value, library, formats);
      if (nested === undefined) return undefined;
      params[name] = nested;
    } else {
      params[name] = value;
    }
  }
  // The parameters are the ones its builder was given (textsOf types them per message).
  return (message as (params: unknown, formats: Formats) => string)(params, formats);
}
