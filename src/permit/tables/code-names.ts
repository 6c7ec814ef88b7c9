/**
 * What the codes on a permit mean, in English, French or Spanish: purpose (box 5a),
 * appendix and source (box 10), term (box 9), unit (box 11) and countries. One place for
 * the printed permit and the verifier page. English comes from the code tables; French
 * and Spanish are here (country names come with the tables). A code with no translation
 * falls back to English. Browser-safe.
 *
 * Sources of the French and Spanish wording (the official documents could not be read
 * whole here, so each list says what it was checked against):
 * - purpose and source codes: the wording of Res. Conf. 12.3 (Rev. CoP19), para. 3, in
 *   French and Spanish; the short forms checked against UNEP-WCMC's code tables
 *   (unepwcmc/SAPI lib/files/purpose_codes_utf8.csv, source_codes_utf8.csv). The long
 *   source meanings render the English of source.ts in the Resolution's phrasing.
 * - terms and units: the French and Spanish annual-report Guidelines ("Lignes directrices
 *   pour la préparation et la soumission des rapports annuels CITES" / "Directrices para la
 *   preparación y presentación de informes anuales CITES"), checked against UNEP-WCMC's
 *   term table (unepwcmc/SAPI lib/files/term_codes_utf8.csv) and, for the first entries,
 *   the Belgian CITES authority's list of the Guidelines' French terms. Like the
 *   Guidelines, a term is singular where the English one is. Codes newer than those
 *   tables (e.g. ESH, GIL, KNL, PUP, ROS, TRW) are the usual trade wording, unchecked.
 * French strings put a no-break space (U+00A0, printable with the standard PDF fonts)
 * before : and ; and inside « ».
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
    E: 'Fins éducatives',
    G: 'Jardin botanique',
    H: 'Trophée de chasse',
    L: 'Application de la loi / fins judiciaires / police scientifique',
    M: 'Fins médicales (y compris la recherche biomédicale)',
    N: 'Réintroduction ou introduction dans la nature',
    P: 'Fins personnelles',
    Q: 'Cirque ou exposition itinérante',
    S: 'Fins scientifiques',
    T: 'Transaction commerciale',
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
    I: 'Annexe I : espèces menacées d’extinction ; commerce autorisé seulement dans des conditions exceptionnelles, avec permis d’importation et permis d’exportation.',
    II: 'Annexe II : espèces dont le commerce est réglementé par des permis d’exportation.',
    III: 'Annexe III : espèces inscrites par un État de l’aire de répartition ; permis d’exportation de l’État qui les a inscrites, certificat d’origine pour les autres États.',
  },
  es: {
    I: 'Apéndice I: especies en peligro de extinción; comercio autorizado solo en circunstancias excepcionales, con permiso de importación y permiso de exportación.',
    II: 'Apéndice II: especies cuyo comercio se regula mediante permisos de exportación.',
    III: 'Apéndice III: especies incluidas por un Estado del área de distribución; permiso de exportación del Estado que las incluyó, certificado de origen para los demás Estados.',
  },
};

const SOURCE: Translated = {
  fr: {
    W: 'Spécimens prélevés dans la nature',
    X: 'Spécimens pris dans l’environnement marin ne relevant de la juridiction d’aucun État (introduction en provenance de la mer)',
    R: 'Spécimens élevés en ranch : animaux élevés en milieu contrôlé, prélevés dans la nature sous forme d’œufs ou de juvéniles qui, autrement, auraient eu une très faible probabilité de survivre jusqu’à l’âge adulte',
    D: 'Animaux de l’Annexe I élevés en captivité à des fins commerciales dans des établissements inscrits au registre du Secrétariat (résolution Conf. 12.10), et plantes de l’Annexe I reproduites artificiellement à des fins commerciales, ainsi que leurs parties et produits, exportés en vertu de l’Article VII, paragraphe 4',
    A: 'Plantes reproduites artificiellement conformément à la résolution Conf. 11.11, ainsi que leurs parties et produits, exportées en vertu de l’Article VII, paragraphe 5',
    C: 'Animaux élevés en captivité conformément à la résolution Conf. 10.16, ainsi que leurs parties et produits, exportés en vertu de l’Article VII, paragraphe 5',
    F: 'Animaux nés en captivité (F1 ou générations suivantes) qui ne répondent pas à la définition d’« élevés en captivité », ainsi que leurs parties et produits',
    Y: 'Spécimens de plantes répondant à la définition de la « production assistée » de la résolution Conf. 11.11, ainsi que leurs parties et produits',
    U: 'Source inconnue (doit être justifiée)',
    I: 'Spécimens confisqués ou saisis (peut être utilisé avec un autre code)',
    O: 'Spécimens pré-Convention (peut être utilisé avec un autre code)',
  },
  es: {
    W: 'Especímenes capturados o recolectados en el medio silvestre',
    X: 'Especímenes capturados en el medio marino fuera de la jurisdicción de cualquier Estado (introducción procedente del mar)',
    R: 'Especímenes criados en granjas: animales criados en un medio controlado, tomados del medio silvestre como huevos o juveniles que, de otro modo, habrían tenido muy pocas probabilidades de sobrevivir hasta la edad adulta',
    D: 'Animales del Apéndice I criados en cautividad con fines comerciales en establecimientos incluidos en el Registro de la Secretaría (Resolución Conf. 12.10), y plantas del Apéndice I reproducidas artificialmente con fines comerciales, así como sus partes y derivados, exportados en virtud del párrafo 4 del Artículo VII',
    A: 'Plantas reproducidas artificialmente de conformidad con la Resolución Conf. 11.11, así como sus partes y derivados, exportadas en virtud del párrafo 5 del Artículo VII',
    C: 'Animales criados en cautividad de conformidad con la Resolución Conf. 10.16, así como sus partes y derivados, exportados en virtud del párrafo 5 del Artículo VII',
    F: 'Animales nacidos en cautividad (F1 o generaciones posteriores) que no se ajustan a la definición de «criado en cautividad», así como sus partes y derivados',
    Y: 'Especímenes de plantas que se ajustan a la definición de «producción asistida» de la Resolución Conf. 11.11, así como sus partes y derivados',
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
  ['BAL', 'Fanon', 'Barbas de ballena'],
  ['BAR', 'Écorce', 'Corteza'],
  ['BOD', 'Corps', 'Cuerpo'],
  ['BON', 'Os', 'Huesos'],
  ['CAL', 'Calipée', 'Calipe'],
  ['CAP', 'Carapace', 'Caparazón'],
  ['CAR', 'Sculpture', 'Talla'],
  ['BOC', 'Sculpture – os', 'Talla – hueso'],
  ['HOC', 'Sculpture – corne', 'Talla – cuerno'],
  ['IVC', 'Sculpture – ivoire (ivoire travaillé)', 'Talla – marfil (marfil trabajado)'],
  ['CAV', 'Caviar', 'Caviar'],
  ['CHP', 'Copeaux (de bois)', 'Astillas (de madera)'],
  ['CLA', 'Griffe', 'Garra'],
  ['CLO', 'Tissu', 'Tela'],
  ['COR', 'Corail (brut)', 'Coral (en bruto)'],
  ['COS', 'Cosmétiques', 'Cosméticos'],
  ['CUL', 'Culture', 'Cultivo'],
  ['DER', 'Produits', 'Derivados'],
  ['DPL', 'Plante séchée', 'Planta seca'],
  ['EAR', 'Oreille', 'Oreja'],
  ['EGG', 'Œuf', 'Huevo'],
  ['EGL', 'Œuf (vivant)', 'Huevo (vivo)'],
  ['ESH', 'Coquille d’œuf', 'Cáscara de huevo'],
  ['EXT', 'Extrait', 'Extracto'],
  ['FEA', 'Plume', 'Pluma'],
  ['FIB', 'Fibre', 'Fibra'],
  ['FIN', 'Aileron', 'Aleta'],
  ['FIG', 'Alevins', 'Jaramugos'],
  ['FLO', 'Fleur', 'Flor'],
  ['FPT', 'Pot de fleurs', 'Maceta'],
  ['FOO', 'Pied', 'Pata'],
  ['LEG', 'Cuisses de grenouilles', 'Ancas de rana'],
  ['FRU', 'Fruit', 'Fruto'],
  ['FPL', 'Produits en fourrure (grands)', 'Productos de peletería (grandes)'],
  ['FPS', 'Produits en fourrure (petits)', 'Productos de peletería (pequeños)'],
  ['GAL', 'Bile', 'Bilis'],
  ['GAB', 'Vésicule biliaire', 'Vesícula biliar'],
  ['GAR', 'Vêtement', 'Prenda de vestir'],
  ['GEN', 'Organes génitaux', 'Genitales'],
  ['GIL', 'Plaques branchiales', 'Placas branquiales'],
  ['GRS', 'Porte-greffe', 'Portainjerto'],
  ['HAI', 'Poil', 'Pelo'],
  ['HAP', 'Articles en poil', 'Productos de pelo'],
  ['HOR', 'Corne', 'Cuerno'],
  ['JWL', 'Bijoux', 'Joyas'],
  ['IJW', 'Bijoux – ivoire (ivoire travaillé)', 'Joyas – marfil (marfil trabajado)'],
  ['KNL', 'Amande', 'Almendra'],
  ['LPL', 'Article en cuir (grand)', 'Artículo de cuero (grande)'],
  ['LPS', 'Article en cuir (petit)', 'Artículo de cuero (pequeño)'],
  ['LIV', 'Vivant', 'Vivo'],
  ['LVS', 'Feuille', 'Hoja'],
  ['LOG', 'Grumes', 'Trozas'],
  ['MEA', 'Viande', 'Carne'],
  ['MED', 'Médicament', 'Medicina'],
  ['MUS', 'Musc', 'Almizcle'],
  ['OIL', 'Huile', 'Aceite'],
  ['PRL', 'Perle', 'Perla'],
  ['KEY', 'Touches de piano (ivoire travaillé)', 'Teclas de piano (marfil trabajado)'],
  ['BOP', 'Morceau – os', 'Trozo – hueso'],
  ['HOP', 'Morceau – corne', 'Trozo – cuerno'],
  ['IVP', 'Morceau – ivoire (ivoire brut)', 'Trozo – marfil (marfil en bruto)'],
  ['PLA', 'Nappe (de fourrure)', 'Napa (de piel)'],
  ['PLY', 'Contreplaqué', 'Madera contrachapada'],
  ['POW', 'Poudre', 'Polvo'],
  ['PUP', 'Chrysalides', 'Pupas'],
  ['ROO', 'Racine', 'Raíz'],
  ['RUG', 'Tapis', 'Alfombra'],
  ['ROS', 'Rostre de poisson-scie', 'Rostro de pez sierra'],
  ['SAW', 'Bois scié', 'Madera aserrada'],
  ['SCA', 'Écaille', 'Escama'],
  ['SEE', 'Graine', 'Semilla'],
  ['SHE', 'Coquille', 'Concha'],
  ['SID', 'Flanc', 'Flanco'],
  ['SKE', 'Squelette', 'Esqueleto'],
  ['SKI', 'Peau', 'Piel'],
  ['SKP', 'Morceau de peau', 'Trozo de piel'],
  ['SKU', 'Crâne', 'Cráneo'],
  ['SOU', 'Soupe', 'Sopa'],
  ['SPE', 'Spécimen (scientifique)', 'Espécimen (científico)'],
  ['STE', 'Tige', 'Tallo'],
  ['SWI', 'Vessie natatoire', 'Vejiga natatoria'],
  ['TAI', 'Queue', 'Cola'],
  ['TEE', 'Dent', 'Diente'],
  ['TIM', 'Bois', 'Madera'],
  ['TRW', 'Bois transformé', 'Madera transformada'],
  ['TRO', 'Trophée', 'Trofeo'],
  ['TRU', 'Tronc', 'Tronco'],
  ['TUS', 'Défense (ivoire brut)', 'Colmillo (marfil en bruto)'],
  ['VEN', 'Feuilles de placage', 'Hojas de chapa'],
  ['WAX', 'Cire', 'Cera'],
  ['WPR', 'Produit en bois', 'Producto de madera'],
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
