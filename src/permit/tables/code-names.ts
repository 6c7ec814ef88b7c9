/**
 * What the codes on a permit mean, in English, French or Spanish: purpose (box 5a),
 * appendix and source (box 10), term (box 9), unit (box 11) and countries. One place for
 * the printed permit and the verifier page. English comes from the code tables; French
 * and Spanish are here (country names come with the tables). A code with no translation
 * falls back to English. UNSURE: the French and Spanish texts are our translations, not
 * yet checked against the French/Spanish Res. Conf. 12.3 and annual-report Guidelines.
 * Browser-safe.
 */
import { APPENDICES, HISTORICAL_TERMS, HISTORICAL_UNITS, PURPOSES, SOURCES, TERMS, UNITS } from './index.js';
import { findCountry } from './index.js';

export type Lang = 'en' | 'fr' | 'es';

type Names = Record<string, string>;
type Translated = Record<'fr' | 'es', Names>;

const english = (entries: readonly { code: string; meaning?: string; description?: string }[]): Names =>
  Object.fromEntries(entries.map((e) => [e.code, (e.meaning ?? e.description)!]));

const PURPOSE: Translated = {
  fr: {
    B: 'Élevage en captivité ou reproduction artificielle',
    E: 'Éducation',
    G: 'Jardin botanique',
    H: 'Trophée de chasse',
    L: 'Application de la loi / judiciaire / criminalistique',
    M: 'Médical (y compris la recherche biomédicale)',
    N: 'Réintroduction ou introduction dans la nature',
    P: 'Objets personnels',
    Q: 'Cirque ou exposition itinérante',
    S: 'Scientifique',
    T: 'Commercial',
    Z: 'Parc zoologique',
  },
  es: {
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
  },
};

const APPENDIX: Translated = {
  fr: {
    I: 'Annexe I : espèces menacées d’extinction ; commerce seulement dans des conditions exceptionnelles, avec permis d’importation et d’exportation.',
    II: 'Annexe II : espèces dont le commerce est réglementé par des permis d’exportation.',
    III: 'Annexe III : espèces inscrites par un État de l’aire de répartition ; permis d’exportation de l’État qui l’a inscrite, certificat d’origine ailleurs.',
  },
  es: {
    I: 'Apéndice I: especies en peligro de extinción; comercio solo en circunstancias excepcionales, con permisos de importación y de exportación.',
    II: 'Apéndice II: especies cuyo comercio se regula mediante permisos de exportación.',
    III: 'Apéndice III: especies incluidas por un Estado del área de distribución; permiso de exportación del Estado que la incluyó, certificado de origen en los demás.',
  },
};

const SOURCE: Translated = {
  fr: {
    W: 'Spécimens prélevés dans la nature',
    X: 'Spécimens pris dans l’environnement marin ne relevant de la juridiction d’aucun État (introduction en provenance de la mer)',
    R: 'Spécimens issus d’un élevage en ranch : animaux élevés en milieu contrôlé, prélevés dans la nature à l’état d’œufs ou de juvéniles',
    D: 'Animaux de l’Annexe I élevés en captivité à des fins commerciales dans des établissements enregistrés (résolution Conf. 12.10) et plantes de l’Annexe I reproduites artificiellement à des fins commerciales, exportés en vertu de l’Article VII, paragraphe 4',
    A: 'Plantes reproduites artificiellement (résolution Conf. 11.11), y compris parties et produits, exportées en vertu de l’Article VII, paragraphe 5',
    C: 'Animaux élevés en captivité (résolution Conf. 10.16), y compris parties et produits, exportés en vertu de l’Article VII, paragraphe 5',
    F: 'Animaux nés en captivité (F1 ou générations suivantes) ne répondant pas à la définition d’« élevés en captivité », y compris parties et produits',
    Y: 'Plantes issues de la « production assistée » (résolution Conf. 11.11), y compris parties et produits',
    U: 'Source inconnue (doit être justifiée)',
    I: 'Spécimens confisqués ou saisis (peut être utilisé avec un autre code)',
    O: 'Spécimens pré-Convention (peut être utilisé avec un autre code)',
  },
  es: {
    W: 'Especímenes recolectados en el medio silvestre',
    X: 'Especímenes capturados en el medio marino fuera de la jurisdicción de cualquier Estado (introducción procedente del mar)',
    R: 'Especímenes criados en granjas: animales criados en un medio controlado, tomados del medio silvestre como huevos o juveniles',
    D: 'Animales del Apéndice I criados en cautividad con fines comerciales en establecimientos registrados (Resolución Conf. 12.10) y plantas del Apéndice I reproducidas artificialmente con fines comerciales, exportados en virtud del párrafo 4 del Artículo VII',
    A: 'Plantas reproducidas artificialmente (Resolución Conf. 11.11), incluidas sus partes y derivados, exportadas en virtud del párrafo 5 del Artículo VII',
    C: 'Animales criados en cautividad (Resolución Conf. 10.16), incluidas sus partes y derivados, exportados en virtud del párrafo 5 del Artículo VII',
    F: 'Animales nacidos en cautividad (F1 o generaciones posteriores) que no cumplen la definición de «criado en cautividad», incluidas sus partes y derivados',
    Y: 'Plantas de «producción asistida» (Resolución Conf. 11.11), incluidas sus partes y derivados',
    U: 'Origen desconocido (debe justificarse)',
    I: 'Especímenes confiscados o decomisados (puede usarse con otro código)',
    O: 'Especímenes preconvención (puede usarse con otro código)',
  },
};

const UNIT: Translated = {
  fr: {
    NAR: 'nombre de spécimens',
    KGM: 'kilogramme',
    GRM: 'gramme',
    LTR: 'litre',
    MLT: 'millilitre',
    MTR: 'mètre',
    CMQ: 'centimètre cube',
    MTK: 'mètre carré',
    MTQ: 'mètre cube',
  },
  es: {
    NAR: 'número de especímenes',
    KGM: 'kilogramo',
    GRM: 'gramo',
    LTR: 'litro',
    MLT: 'mililitro',
    MTR: 'metro',
    CMQ: 'centímetro cúbico',
    MTK: 'metro cuadrado',
    MTQ: 'metro cúbico',
  },
};

/** [code, French, Spanish] for the current term codes. */
const TERM_ROWS: readonly [string, string, string][] = [
  ['BAL', 'Fanons', 'Barbas de ballena'],
  ['BAR', 'Écorce', 'Corteza'],
  ['BOD', 'Corps', 'Cuerpo'],
  ['BON', 'Os', 'Huesos'],
  ['CAL', 'Calipee', 'Calipee'],
  ['CAP', 'Carapace', 'Caparazón'],
  ['CAR', 'Sculpture', 'Talla'],
  ['BOC', 'Sculpture – os', 'Talla – hueso'],
  ['HOC', 'Sculpture – corne', 'Talla – cuerno'],
  ['IVC', 'Sculpture – ivoire (ivoire travaillé)', 'Talla – marfil (marfil trabajado)'],
  ['CAV', 'Caviar', 'Caviar'],
  ['CHP', 'Copeaux (de bois)', 'Astillas (de madera)'],
  ['CLA', 'Griffes', 'Garras'],
  ['CLO', 'Tissu', 'Tela'],
  ['COR', 'Corail (brut)', 'Coral (en bruto)'],
  ['COS', 'Cosmétiques', 'Cosméticos'],
  ['CUL', 'Cultures', 'Cultivos'],
  ['DER', 'Produits', 'Derivados'],
  ['DPL', 'Plantes séchées', 'Plantas secas'],
  ['EAR', 'Oreilles', 'Orejas'],
  ['EGG', 'Œufs', 'Huevos'],
  ['EGL', 'Œufs (vivants)', 'Huevos (vivos)'],
  ['ESH', 'Coquilles d’œufs', 'Cáscaras de huevo'],
  ['EXT', 'Extrait', 'Extracto'],
  ['FEA', 'Plumes', 'Plumas'],
  ['FIB', 'Fibres', 'Fibras'],
  ['FIN', 'Ailerons', 'Aletas'],
  ['FIG', 'Alevins', 'Alevines'],
  ['FLO', 'Fleurs', 'Flores'],
  ['FPT', 'Pots de fleurs', 'Macetas'],
  ['FOO', 'Pattes', 'Patas'],
  ['LEG', 'Cuisses de grenouilles', 'Ancas de rana'],
  ['FRU', 'Fruits', 'Frutos'],
  ['FPL', 'Produits en fourrure (grands)', 'Productos de peletería (grandes)'],
  ['FPS', 'Produits en fourrure (petits)', 'Productos de peletería (pequeños)'],
  ['GAL', 'Bile', 'Bilis'],
  ['GAB', 'Vésicules biliaires', 'Vesículas biliares'],
  ['GAR', 'Vêtements', 'Prendas de vestir'],
  ['GEN', 'Organes génitaux', 'Genitales'],
  ['GIL', 'Plaques branchiales', 'Placas branquiales'],
  ['GRS', 'Porte-greffes', 'Portainjertos'],
  ['HAI', 'Poils', 'Pelo'],
  ['HAP', 'Produits en poils', 'Productos de pelo'],
  ['HOR', 'Cornes', 'Cuernos'],
  ['JWL', 'Bijoux', 'Joyas'],
  ['IJW', 'Bijoux – ivoire (ivoire travaillé)', 'Joyas – marfil (marfil trabajado)'],
  ['KNL', 'Amandes (graines)', 'Almendras (semillas)'],
  ['LPL', 'Articles en cuir (grands)', 'Artículos de cuero (grandes)'],
  ['LPS', 'Articles en cuir (petits)', 'Artículos de cuero (pequeños)'],
  ['LIV', 'Vivants', 'Vivos'],
  ['LVS', 'Feuilles', 'Hojas'],
  ['LOG', 'Grumes', 'Trozas'],
  ['MEA', 'Viande', 'Carne'],
  ['MED', 'Médicaments', 'Medicamentos'],
  ['MUS', 'Musc', 'Almizcle'],
  ['OIL', 'Huile', 'Aceite'],
  ['PRL', 'Perles', 'Perlas'],
  ['KEY', 'Touches de piano (ivoire travaillé)', 'Teclas de piano (marfil trabajado)'],
  ['BOP', 'Morceaux – os', 'Piezas – hueso'],
  ['HOP', 'Morceaux – corne', 'Piezas – cuerno'],
  ['IVP', 'Morceaux – ivoire (ivoire brut)', 'Piezas – marfil (marfil en bruto)'],
  ['PLA', 'Nappes (de fourrure)', 'Placas (de piel)'],
  ['PLY', 'Contreplaqué', 'Madera contrachapada'],
  ['POW', 'Poudre', 'Polvo'],
  ['PUP', 'Chrysalides', 'Pupas'],
  ['ROO', 'Racines', 'Raíces'],
  ['RUG', 'Tapis', 'Alfombras'],
  ['ROS', 'Rostres de poissons-scies', 'Rostros de pez sierra'],
  ['SAW', 'Bois scié', 'Madera aserrada'],
  ['SCA', 'Écailles', 'Escamas'],
  ['SEE', 'Graines', 'Semillas'],
  ['SHE', 'Coquillages', 'Conchas'],
  ['SID', 'Flancs (peaux)', 'Costados (pieles)'],
  ['SKE', 'Squelettes', 'Esqueletos'],
  ['SKI', 'Peaux', 'Pieles'],
  ['SKP', 'Morceaux de peau', 'Piezas de piel'],
  ['SKU', 'Crânes', 'Cráneos'],
  ['SOU', 'Soupe', 'Sopa'],
  ['SPE', 'Spécimens (scientifiques)', 'Especímenes (científicos)'],
  ['STE', 'Tiges', 'Tallos'],
  ['SWI', 'Vessies natatoires', 'Vejigas natatorias'],
  ['TAI', 'Queues', 'Colas'],
  ['TEE', 'Dents', 'Dientes'],
  ['TIM', 'Bois', 'Madera'],
  ['TRW', 'Bois transformé', 'Madera transformada'],
  ['TRO', 'Trophées', 'Trofeos'],
  ['TRU', 'Troncs', 'Troncos'],
  ['TUS', 'Défenses (ivoire brut)', 'Colmillos (marfil en bruto)'],
  ['VEN', 'Feuilles de placage', 'Láminas de chapa'],
  ['WAX', 'Cire', 'Cera'],
  ['WPR', 'Produits en bois', 'Productos de madera'],
];

const TERM: Translated = {
  fr: Object.fromEntries(TERM_ROWS.map(([code, fr]) => [code, fr])),
  es: Object.fromEntries(TERM_ROWS.map(([code, , es]) => [code, es])),
};

const EN = {
  purpose: english(PURPOSES),
  appendix: english(APPENDICES),
  source: english(SOURCES),
  term: { ...english(HISTORICAL_TERMS), ...english(TERMS) },
  unit: { ...english(HISTORICAL_UNITS), ...english(UNITS) },
};
const OTHER = { purpose: PURPOSE, appendix: APPENDIX, source: SOURCE, term: TERM, unit: UNIT };

export type CodeTable = keyof typeof EN;

/** The meaning of `code` in `table`, or undefined for a code the table does not know. */
export function codeName(table: CodeTable, code: string, lang: Lang): string | undefined {
  if (lang !== 'en') {
    const own = OTHER[table][lang][code];
    if (own !== undefined) return own;
  }
  return EN[table][code];
}

/** The name of a country (ISO 3166-1 alpha-2 or a CITES extra code) in `lang`, or the code itself. */
export function countryName(code: string, lang: Lang): string {
  const entry = findCountry(code);
  return entry ? entry[lang] : code;
}

/** For tests: which codes of a table have a French and Spanish meaning. */
export function translatedCodes(table: CodeTable): { fr: string[]; es: string[] } {
  return { fr: Object.keys(OTHER[table].fr), es: Object.keys(OTHER[table].es) };
}
