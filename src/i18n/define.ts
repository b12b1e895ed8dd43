// Each part of civsam keeps its messages in one file under i18n/catalogue/, English and Danish side by
// side; `defineMessages` makes the compiler refuse a Danish catalogue that lacks an English key.
export type Language = 'en' | 'da';
export const LANGUAGES: readonly Language[] = ['en', 'da'];

export function defineMessages<const E extends Record<string, string>>(en: E, da: { [K in keyof E]: string }) {
  return { en, da };
}
