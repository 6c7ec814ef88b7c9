/**
 * Code meanings written out on the print, in the print's language.
 *
 * English comes from the code tables (src/permit/tables). The tables are English only,
 * so the French and Spanish meanings of purposes, sources and units are written here.
 * UNSURE: these are our translations, not checked against the French/Spanish
 * Res. Conf. 12.3 and annual-report Guidelines. Term descriptions (91 codes) have no
 * French/Spanish text here: the code and its English description are printed.
 */
import {
  findCountry,
  findHistoricalTerm,
  findHistoricalUnit,
  findTerm,
  PURPOSES,
  SOURCES,
  UNITS,
} from '../permit/tables/index.js';
import type { PrintLanguage } from './labels.js';

type Translations = Readonly<Record<string, string>>;

const PURPOSE_FR: Translations = {
  B: 'Élevage en captivité ou reproduction artificielle',
  E: 'Éducation',
  G: 'Jardin botanique',
  H: 'Trophée de chasse',
  L: 'Application de la loi / judiciaire / criminalistique',
  M: 'Médical (y compris la recherche biomédicale)',
  N: 'Réintroduction ou introduction dans la nature',
  P: 'Personnel',
  Q: 'Cirque ou exposition itinérante',
  S: 'Scientifique',
  T: 'Commercial',
  Z: 'Parc zoologique',
};

const PURPOSE_ES: Translations = {
  B: 'Cría en cautividad o reproducción artificial',
  E: 'Educativo',
  G: 'Jardín botánico',
  H: 'Trofeo de caza',
  L: 'Aplicación de la ley / judicial / forense',
  M: 'Médico (incluida la investigación biomédica)',
  N: 'Reintroducción o introducción en el medio silvestre',
  P: 'Personal',
  Q: 'Circo o exhibición itinerante',
  S: 'Científico',
  T: 'Comercial',
  Z: 'Parque zoológico',
};

const SOURCE_FR: Translations = {
  W: 'Spécimens prélevés dans la nature',
  X: "Spécimens pris dans l'environnement marin ne relevant de la juridiction d'aucun État (introduction en provenance de la mer)",
  R: "Spécimens élevés en ranch : animaux élevés en milieu contrôlé, prélevés dans la nature à l'état d'œufs ou de juvéniles",
  D: "Animaux de l'Annexe I élevés en captivité à des fins commerciales dans des établissements enregistrés (résolution Conf. 12.10) et plantes de l'Annexe I reproduites artificiellement à des fins commerciales, exportés en vertu de l'Article VII, paragraphe 4",
  A: "Plantes reproduites artificiellement conformément à la résolution Conf. 11.11, y compris leurs parties et produits, exportées en vertu de l'Article VII, paragraphe 5",
  C: "Animaux élevés en captivité conformément à la résolution Conf. 10.16, y compris leurs parties et produits, exportés en vertu de l'Article VII, paragraphe 5",
  F: "Animaux nés en captivité (F1 ou générations suivantes) ne répondant pas à la définition d'« élevé en captivité », y compris leurs parties et produits",
  Y: "Plantes répondant à la définition de « production assistée » de la résolution Conf. 11.11, y compris leurs parties et produits",
  U: 'Source inconnue (doit être justifiée)',
  I: 'Spécimens confisqués ou saisis (peut être utilisé avec un autre code)',
  O: 'Spécimens pré-Convention (peut être utilisé avec un autre code)',
};

const SOURCE_ES: Translations = {
  W: 'Especímenes recolectados en el medio silvestre',
  X: 'Especímenes capturados en el medio marino fuera de la jurisdicción de cualquier Estado (introducción procedente del mar)',
  R: 'Especímenes criados en granjas: animales criados en un medio controlado, recolectados en el medio silvestre como huevos o juveniles',
  D: 'Animales del Apéndice I criados en cautividad con fines comerciales en establecimientos registrados (Resolución Conf. 12.10) y plantas del Apéndice I reproducidas artificialmente con fines comerciales, exportados con arreglo al Artículo VII, párrafo 4',
  A: 'Plantas reproducidas artificialmente de conformidad con la Resolución Conf. 11.11, incluidas sus partes y derivados, exportadas con arreglo al Artículo VII, párrafo 5',
  C: 'Animales criados en cautividad de conformidad con la Resolución Conf. 10.16, incluidas sus partes y derivados, exportados con arreglo al Artículo VII, párrafo 5',
  F: 'Animales nacidos en cautividad (F1 o generaciones posteriores) que no se ajustan a la definición de «criados en cautividad», incluidas sus partes y derivados',
  Y: 'Plantas que se ajustan a la definición de «producción asistida» de la Resolución Conf. 11.11, incluidas sus partes y derivados',
  U: 'Origen desconocido (debe justificarse)',
  I: 'Especímenes confiscados o decomisados (puede utilizarse con otro código)',
  O: 'Especímenes preconvención (puede utilizarse con otro código)',
};

const UNIT_FR: Translations = {
  NAR: 'nombre de spécimens',
  KGM: 'kilogramme',
  GRM: 'gramme',
  LTR: 'litre',
  MLT: 'millilitre',
  MTR: 'mètre',
  CMQ: 'centimètre cube',
  MTK: 'mètre carré',
  MTQ: 'mètre cube',
};

const UNIT_ES: Translations = {
  NAR: 'número de especímenes',
  KGM: 'kilogramo',
  GRM: 'gramo',
  LTR: 'litro',
  MLT: 'mililitro',
  MTR: 'metro',
  CMQ: 'centímetro cúbico',
  MTK: 'metro cuadrado',
  MTQ: 'metro cúbico',
};

const pick = (language: PrintLanguage, english: string | undefined, fr: Translations, es: Translations, code: string) =>
  (language === 'fr' ? fr[code] : language === 'es' ? es[code] : undefined) ?? english;

/** Box 5a: the purpose's meaning, or undefined for an unknown code. */
export function purposeMeaning(code: string, language: PrintLanguage): string | undefined {
  return pick(language, PURPOSES.find((p) => p.code === code)?.meaning, PURPOSE_FR, PURPOSE_ES, code);
}

/** Box 10: the source's meaning, or undefined for an unknown code. */
export function sourceMeaning(code: string, language: PrintLanguage): string | undefined {
  return pick(language, SOURCES.find((s) => s.code === code)?.meaning, SOURCE_FR, SOURCE_ES, code);
}

/** Box 11: the unit's meaning (current or historical unit), or undefined for an unknown code. */
export function unitMeaning(code: string, language: PrintLanguage): string | undefined {
  const english = UNITS.find((u) => u.code === code)?.meaning ?? findHistoricalUnit(code)?.meaning;
  return pick(language, english, UNIT_FR, UNIT_ES, code);
}

/** Box 9: the term's description (English in every language, see above). */
export function termMeaning(code: string): string | undefined {
  return findTerm(code)?.description ?? findHistoricalTerm(code)?.description;
}

/** A country's name in the print's language followed by its code, e.g. "Switzerland (CH)". */
export function countryName(code: string, language: PrintLanguage): string {
  const country = findCountry(code);
  return country ? `${country[language]} (${code})` : code;
}
